/// The JSON Schema (draft 2020-12) of the scenario format, for editors and for
/// `coopzone schema`. `Docs/scenario.schema.json` is a copy of this text (a test keeps them
/// equal). The schema checks the shape of a file: the keys allowed at each level, types,
/// enumerations; the loader checks the rest (references between ids, ranges by unit, stage
/// timelines, levers). Nested items require only their identity keys (`id`, `code`,
/// `sector`…), so that a file with `extends`, which gives only what it changes, validates.
public enum ScenarioSchema {
    /// The schema, as JSON text.
    public static let json: String = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "CoopZone scenario (format 1)",
  "description": "A CoopZone scenario: border regions, trade links and the cooperation zones proposed between them. Reference: Docs/scenario-format.md. The loader ('coopzone validate') checks more than this schema can: references between ids, ranges by unit, stage timelines and levers.",
  "type": "object",
  "properties": {
    "format": {
      "description": "Version of the format; only 1 is read. Default: 1.",
      "type": "integer",
      "const": 1
    },
    "title": {
      "description": "A short title. Required.",
      "type": "string"
    },
    "description": {
      "description": "What the scenario describes, with citations such as (book, zones chapter, Table 2). Default: empty.",
      "type": "string"
    },
    "authors": {
      "description": "Who wrote the scenario. Default: none.",
      "type": "array",
      "items": {
        "type": "string"
      }
    },
    "sources": {
      "description": "The sources the numbers cite, each with an id. Default: none.",
      "type": "array",
      "items": {
        "$ref": "#/$defs/source"
      }
    },
    "extends": {
      "description": "A scenario file this one builds on (path relative to this file); see \"extends\". Default: none.",
      "type": "string"
    },
    "horizon": {
      "description": "First and last calendar year modelled (at most 101 years). Required.",
      "$ref": "#/$defs/horizon"
    },
    "price_year": {
      "description": "The year whose prices money values are in (1900–2200). Required.",
      "type": "integer",
      "minimum": 1900,
      "maximum": 2200
    },
    "currency": {
      "description": "ISO 4217 code of the currency; money is in millions of it. Default: USD.",
      "type": "string",
      "pattern": "^[A-Z]{3}$"
    },
    "discount_rate": {
      "description": "Discount rate for present values, per year. Unit: fraction; range 0–1. Required.",
      "$ref": "#/$defs/number"
    },
    "sectors": {
      "description": "Sectors used by regions, flows and investment. Required.",
      "type": "array",
      "items": {
        "$ref": "#/$defs/sector"
      }
    },
    "countries": {
      "description": "Countries and their baseline fiscal regimes. Required.",
      "type": "array",
      "items": {
        "$ref": "#/$defs/country"
      }
    },
    "regions": {
      "description": "Border regions. Required.",
      "type": "array",
      "items": {
        "$ref": "#/$defs/region"
      }
    },
    "links": {
      "description": "Trade links between countries or regions. Default: none.",
      "type": "array",
      "items": {
        "$ref": "#/$defs/link"
      }
    },
    "zones": {
      "description": "The zones proposed. Required.",
      "type": "array",
      "items": {
        "$ref": "#/$defs/zone"
      }
    },
    "evaluators": {
      "description": "Evaluators to run, each with parameter overrides (a mapping of parameter name to number or text); unknown evaluator ids are reported by `coopzone validate`, unknown parameters when the scenario is run. Default: every built-in evaluator.",
      "$ref": "#/$defs/evaluators"
    },
    "levers": {
      "description": "Named, bounded inputs a workshop page shows as sliders. Default: none.",
      "type": "array",
      "items": {
        "$ref": "#/$defs/lever"
      }
    }
  },
  "additionalProperties": false,
  "if": {
    "required": [
      "extends"
    ]
  },
  "then": {
    "description": "a file that extends another needs only what it changes"
  },
  "else": {
    "required": [
      "title",
      "horizon",
      "price_year",
      "discount_rate",
      "sectors",
      "countries",
      "regions",
      "zones"
    ]
  },
  "$defs": {
    "source": {
      "title": "sources item",
      "type": "object",
      "properties": {
        "id": {
          "description": "Identifier that numbers cite with `source:`. Required.",
          "$ref": "#/$defs/id"
        },
        "title": {
          "description": "The full reference. Required (checked by the loader; not enforced here, so that an 'extends' file may leave it out).",
          "type": "string"
        },
        "url": {
          "description": "A web address or a file path.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "required": [
        "id"
      ]
    },
    "horizon": {
      "title": "horizon",
      "type": "object",
      "properties": {
        "first": {
          "description": "First year modelled (1900–2200). Required (checked by the loader; not enforced here, so that an 'extends' file may leave it out).",
          "type": "integer",
          "minimum": 1900,
          "maximum": 2200
        },
        "last": {
          "description": "Last year modelled; not before `first`, at most 100 years after it. Required (checked by the loader; not enforced here, so that an 'extends' file may leave it out).",
          "type": "integer",
          "minimum": 1900,
          "maximum": 2200
        }
      },
      "additionalProperties": false
    },
    "sector": {
      "title": "sectors item",
      "type": "object",
      "properties": {
        "id": {
          "description": "Identifier; `all` is reserved for total trade. Required.",
          "$ref": "#/$defs/id"
        },
        "name": {
          "description": "Display name. Default: the id.",
          "type": "string"
        },
        "perishable": {
          "description": "True for fruit, vegetables and other goods lost without storage (storage measures act on these). Default: false.",
          "type": "boolean"
        }
      },
      "additionalProperties": false,
      "required": [
        "id"
      ]
    },
    "country": {
      "title": "countries item",
      "type": "object",
      "properties": {
        "code": {
          "description": "ISO 3166-1 alpha-2 code (two capital letters); kept as text, so `NO` stays \"NO\". Required.",
          "type": "string",
          "pattern": "^[A-Z]{2}$"
        },
        "name": {
          "description": "Display name. Default: the code.",
          "type": "string"
        },
        "fiscal": {
          "description": "The baseline fiscal regime, before any zone incentive. Default: no taxes given.",
          "$ref": "#/$defs/fiscal"
        },
        "trade_totals": {
          "description": "The country's total exports and imports (with all partners) by sector, for the zone fit's complementarity index. Default: none (complementarity is then not measured).",
          "$ref": "#/$defs/tradeTotals"
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "required": [
        "code"
      ]
    },
    "fiscal": {
      "title": "fiscal (of a country)",
      "type": "object",
      "properties": {
        "corporate_income_tax": {
          "description": "Corporate income tax rate on profits. Unit: fraction; range 0–1.",
          "$ref": "#/$defs/number"
        },
        "property_tax": {
          "description": "Property tax rate on the book value of assets, per year. Unit: fraction; range 0–1.",
          "$ref": "#/$defs/number"
        },
        "land_tax": {
          "description": "Land tax, millions per hectare per year (0.0005 = 500 a hectare). Unit: usd_million_per_ha_per_year; range ≥ 0.",
          "$ref": "#/$defs/number"
        },
        "vat": {
          "description": "Value-added tax rate. Unit: fraction; range 0–1.",
          "$ref": "#/$defs/number"
        },
        "land_rent": {
          "description": "Land rent charged by the state, millions per hectare per year. Unit: usd_million_per_ha_per_year; range ≥ 0.",
          "$ref": "#/$defs/number"
        },
        "import_duty": {
          "description": "Import duty rate on goods of a sector not listed in `import_duty_by_sector`. Unit: fraction; range 0–1.",
          "$ref": "#/$defs/number"
        },
        "import_duty_by_sector": {
          "description": "Import duty rates by sector id (a mapping of sector id to rate; may carry provenance keys). Unit: fraction; range 0–1.",
          "$ref": "#/$defs/dutiesBySector"
        },
        "equipment_duty": {
          "description": "Import duty rate on equipment. Unit: fraction; range 0–1.",
          "$ref": "#/$defs/number"
        },
        "wage_tax": {
          "description": "Personal income tax and social contributions on wages, as a share of the wage. Unit: fraction; range 0–1.",
          "$ref": "#/$defs/number"
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false
    },
    "region": {
      "title": "regions item",
      "type": "object",
      "properties": {
        "id": {
          "description": "Identifier. Required.",
          "$ref": "#/$defs/id"
        },
        "name": {
          "description": "Display name. Default: the id.",
          "type": "string"
        },
        "country": {
          "description": "Code of a country in `countries`. Required (checked by the loader; not enforced here, so that an 'extends' file may leave it out).",
          "type": "string"
        },
        "population": {
          "description": "Residents. Unit: persons; range ≥ 0.",
          "$ref": "#/$defs/number"
        },
        "labour_force": {
          "description": "Labour force; not more than `population`. Unit: persons; range ≥ 0.",
          "$ref": "#/$defs/number"
        },
        "unemployment_rate": {
          "description": "Unemployment rate, fraction of the labour force. Unit: fraction; range 0–1.",
          "$ref": "#/$defs/number"
        },
        "labour_force_growth": {
          "description": "Growth of the labour force per year. Unit: fraction_per_year; range −0.99–10.",
          "$ref": "#/$defs/number"
        },
        "average_wage": {
          "description": "Average wage, thousands of the currency per job-year. Unit: usd_thousand_per_job_year; range ≥ 0.",
          "$ref": "#/$defs/number"
        },
        "sectors": {
          "description": "The region's output and employment by sector. Default: none.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/regionSector"
          }
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "required": [
        "id"
      ]
    },
    "regionSector": {
      "title": "sectors item of a region",
      "type": "object",
      "properties": {
        "sector": {
          "description": "Id of a sector in `sectors`. Required.",
          "type": "string"
        },
        "output": {
          "description": "Gross output or value added, millions per year. Unit: usd_million_per_year; range ≥ 0.",
          "$ref": "#/$defs/number"
        },
        "employment": {
          "description": "Employment in the sector. Unit: persons; range ≥ 0.",
          "$ref": "#/$defs/number"
        },
        "share": {
          "description": "Share of the region's value added produced in the sector. Unit: fraction; range 0–1.",
          "$ref": "#/$defs/number"
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "required": [
        "sector"
      ]
    },
    "link": {
      "title": "links item",
      "type": "object",
      "properties": {
        "id": {
          "description": "Identifier. Required.",
          "$ref": "#/$defs/id"
        },
        "from": {
          "description": "A country code or region id; exports go from here to `to`. Required (checked by the loader; not enforced here, so that an 'extends' file may leave it out).",
          "type": "string"
        },
        "to": {
          "description": "The other end (a country code or region id, not `from`). Required (checked by the loader; not enforced here, so that an 'extends' file may leave it out).",
          "type": "string"
        },
        "distance_km": {
          "description": "Road distance. Unit: kilometres; range ≥ 0.",
          "$ref": "#/$defs/number"
        },
        "border_crossing_days": {
          "description": "Time to cross the border, days. Unit: days; range 0–3650.",
          "$ref": "#/$defs/number"
        },
        "logistics_cost_share": {
          "description": "Logistics cost as a share of the goods' value (ad valorem). Unit: fraction; range 0–1.",
          "$ref": "#/$defs/number"
        },
        "loss_share": {
          "description": "Share of perishable goods lost between field and market. Unit: fraction; range 0–1.",
          "$ref": "#/$defs/number"
        },
        "shadow_share": {
          "description": "Share of true trade that is unrecorded (shadow trade). Unit: fraction; range 0–1.",
          "$ref": "#/$defs/number"
        },
        "zone_share": {
          "description": "On a link with a country at an end: the share of its trade that the zone's regions produce or that crosses at the zone; only this share of the link's trade gains makes jobs in the zone's regions. Required on such a link when a zone measure names it. Unit: fraction; range 0–1.",
          "$ref": "#/$defs/number"
        },
        "turnover": {
          "description": "Reported turnover by year, to check against exports + imports (a mismatch is reported by the trade evaluator). Unit: usd_million_per_year; range ≥ 0.",
          "$ref": "#/$defs/series"
        },
        "flows": {
          "description": "Trade by sector and direction. Default: none.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/flow"
          }
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "required": [
        "id"
      ]
    },
    "flow": {
      "title": "flows item of a link",
      "type": "object",
      "properties": {
        "sector": {
          "description": "A sector id, or `all` for total trade. Required.",
          "type": "string"
        },
        "direction": {
          "description": "`export` (from → to) or `import` (to → from); one flow per sector and direction. Required.",
          "enum": [
            "export",
            "import"
          ]
        },
        "history": {
          "description": "Recorded values by year (years increasing); negative values are warned about. Unit: usd_million_per_year; range ≥ 0. Default: none.",
          "$ref": "#/$defs/series"
        },
        "base_year": {
          "description": "Year of `value`; needed with `value`.",
          "type": "integer",
          "minimum": 1900,
          "maximum": 2200
        },
        "value": {
          "description": "The flow in `base_year`; a flow needs `history` or `base_year` + `value`. Unit: usd_million_per_year; range ≥ 0.",
          "$ref": "#/$defs/number"
        },
        "growth": {
          "description": "Growth per year for the projection. Unit: fraction_per_year; range −0.99–10. Default: the history's compound growth.",
          "$ref": "#/$defs/number"
        },
        "tariff": {
          "description": "The importer's baseline tariff on this flow. Unit: fraction; range 0–1. Default: the importer's duty on the sector.",
          "$ref": "#/$defs/number"
        },
        "other_imports": {
          "description": "The importer's imports of this sector from everyone else, millions per year. Unit: usd_million_per_year; range ≥ 0.",
          "$ref": "#/$defs/number"
        },
        "other_tariff": {
          "description": "The importer's tariff on those other imports. Unit: fraction; range 0–1. Default: tariff.",
          "$ref": "#/$defs/number"
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "required": [
        "sector",
        "direction"
      ]
    },
    "zone": {
      "title": "zones item",
      "type": "object",
      "properties": {
        "id": {
          "description": "Identifier. Required.",
          "$ref": "#/$defs/id"
        },
        "name": {
          "description": "Display name. Default: the id.",
          "type": "string"
        },
        "kind": {
          "description": "`free_trade_zone`, `cross_border_economic_zone`, `cross_border_free_economic_zone` or `growth_triangle`. Required (checked by the loader; not enforced here, so that an 'extends' file may leave it out).",
          "enum": [
            "free_trade_zone",
            "cross_border_economic_zone",
            "cross_border_free_economic_zone",
            "growth_triangle"
          ]
        },
        "regions": {
          "description": "Member region ids: regions of at least two countries (three for a growth triangle). Required (checked by the loader; not enforced here, so that an 'extends' file may leave it out).",
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "parties": {
          "description": "Country codes of the countries party to the zone, each with a member region: the appraisal counts their treasuries, jobs and benefits, and reports other countries' on their own lines. Default: the countries of the member regions.",
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "area_ha": {
          "description": "Area of the zone. Unit: hectares; range ≥ 0.",
          "$ref": "#/$defs/number"
        },
        "stages": {
          "description": "The stages of the zone, in order. Required (checked by the loader; not enforced here, so that an 'extends' file may leave it out).",
          "type": "array",
          "items": {
            "$ref": "#/$defs/stage"
          }
        },
        "investment": {
          "description": "The private investment programme. Default: none.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/investment"
          }
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "required": [
        "id"
      ]
    },
    "stage": {
      "title": "stages item of a zone",
      "type": "object",
      "properties": {
        "id": {
          "description": "Identifier, unique in the zone. Required.",
          "$ref": "#/$defs/id"
        },
        "name": {
          "description": "Display name. Default: the id.",
          "type": "string"
        },
        "start": {
          "description": "A year, or a mapping: `{year: Y}`, `{after: STAGE, lag: N}` or `{infrastructure_spending: AMOUNT, earliest: Y}`; see \"Stage starts and ends\". Required (checked by the loader; not enforced here, so that an 'extends' file may leave it out).",
          "oneOf": [
            {
              "type": "integer",
              "minimum": 1900,
              "maximum": 2200
            },
            {
              "$ref": "#/$defs/start"
            }
          ]
        },
        "end": {
          "description": "Last year of the stage (inside the horizon); not with `duration`. Default: see \"Stage starts and ends\".",
          "type": "integer",
          "minimum": 1900,
          "maximum": 2200
        },
        "duration": {
          "description": "Length in years (1–100), instead of `end`. Default: see \"Stage starts and ends\".",
          "type": "integer",
          "minimum": 1,
          "maximum": 100
        },
        "measures": {
          "description": "Trade and infrastructure measures taking effect in the stage. Default: none.",
          "$ref": "#/$defs/measures"
        },
        "incentives": {
          "description": "The incentive package for zone residents during the stage. Default: the baseline regime.",
          "$ref": "#/$defs/incentives"
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "required": [
        "id"
      ],
      "not": {
        "required": [
          "end",
          "duration"
        ],
        "description": "give 'end' or 'duration', not both"
      }
    },
    "start": {
      "title": "start of a stage, as a mapping",
      "type": "object",
      "properties": {
        "year": {
          "description": "The stage starts in this year (same as `start: Y`).",
          "type": "integer",
          "minimum": 1900,
          "maximum": 2200
        },
        "after": {
          "description": "Id of another stage of the same zone: this one starts the year after it ends (plus `lag`).",
          "type": "string"
        },
        "lag": {
          "description": "Years between the end of the `after` stage and this start (0–100). Default: 0.",
          "type": "integer",
          "minimum": 0,
          "maximum": 100
        },
        "infrastructure_spending": {
          "description": "The stage starts in the first year after the zone's cumulative public infrastructure spending reaches this amount (millions). Unit: usd_million; range ≥ 0.",
          "$ref": "#/$defs/number"
        },
        "earliest": {
          "description": "With `infrastructure_spending`: not before this year. Default: the first year of the horizon.",
          "type": "integer",
          "minimum": 1900,
          "maximum": 2200
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "anyOf": [
        {
          "required": [
            "year"
          ]
        },
        {
          "required": [
            "after"
          ]
        },
        {
          "required": [
            "infrastructure_spending"
          ]
        }
      ]
    },
    "measures": {
      "title": "measures of a stage",
      "type": "object",
      "properties": {
        "tariffs": {
          "description": "Tariff changes by the WITS-SMART rules. Default: none.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/tariff"
          }
        },
        "border_time": {
          "description": "New border crossing times. Default: none.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/borderTime"
          }
        },
        "logistics_cost": {
          "description": "New logistics costs. Default: none.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/logistics"
          }
        },
        "storage": {
          "description": "Storage that lowers losses of perishables. Default: none.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/storage"
          }
        },
        "shadow_trade": {
          "description": "Formalisation of shadow trade. Default: none.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/shadow"
          }
        },
        "infrastructure": {
          "description": "Public infrastructure spending per year of the stage. Default: none.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/infrastructure"
          }
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false
    },
    "tariff": {
      "title": "tariffs item",
      "type": "object",
      "properties": {
        "link": {
          "description": "Id of a link. Default: every link of the zone's countries.",
          "type": "string"
        },
        "sector": {
          "description": "Id of a sector. Default: every sector.",
          "type": "string"
        },
        "direction": {
          "description": "`export` or `import`. Default: both.",
          "enum": [
            "export",
            "import"
          ]
        },
        "rule": {
          "description": "`new_rate`, `maximum_rate`, `linear_cut` or `swiss`. Required.",
          "enum": [
            "new_rate",
            "maximum_rate",
            "linear_cut",
            "swiss"
          ]
        },
        "rate": {
          "description": "With `new_rate` (the new rate) and `maximum_rate` (rates above it are cut to it); required for these rules. Unit: fraction; range 0–1.",
          "$ref": "#/$defs/number"
        },
        "cut": {
          "description": "With `linear_cut`: t1 = (1 − cut) · t0; required for this rule. Unit: fraction; range 0–1.",
          "$ref": "#/$defs/number"
        },
        "a": {
          "description": "With `swiss`: t1 = a · t0 / (a + t0), a as a fraction (WITS's 16 points = 0.16); required for this rule. Unit: fraction; range 0.000001–10.",
          "$ref": "#/$defs/number"
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "required": [
        "rule"
      ],
      "allOf": [
        {
          "if": {
            "properties": {
              "rule": {
                "enum": [
                  "new_rate",
                  "maximum_rate"
                ]
              }
            },
            "required": [
              "rule"
            ]
          },
          "then": {
            "required": [
              "rate"
            ]
          }
        },
        {
          "if": {
            "properties": {
              "rule": {
                "const": "linear_cut"
              }
            },
            "required": [
              "rule"
            ]
          },
          "then": {
            "required": [
              "cut"
            ]
          }
        },
        {
          "if": {
            "properties": {
              "rule": {
                "const": "swiss"
              }
            },
            "required": [
              "rule"
            ]
          },
          "then": {
            "required": [
              "a"
            ]
          }
        }
      ]
    },
    "borderTime": {
      "title": "border_time item",
      "type": "object",
      "properties": {
        "link": {
          "description": "Id of a link. Required.",
          "type": "string"
        },
        "days": {
          "description": "The new crossing time. Unit: days; range 0–3650. Required.",
          "$ref": "#/$defs/number"
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "required": [
        "link",
        "days"
      ]
    },
    "logistics": {
      "title": "logistics_cost item",
      "type": "object",
      "properties": {
        "link": {
          "description": "Id of a link. Required.",
          "type": "string"
        },
        "cost_share": {
          "description": "The new logistics cost, ad valorem. Unit: fraction; range 0–1. Required.",
          "$ref": "#/$defs/number"
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "required": [
        "link",
        "cost_share"
      ]
    },
    "storage": {
      "title": "storage item",
      "type": "object",
      "properties": {
        "link": {
          "description": "Id of a link. Required.",
          "type": "string"
        },
        "sector": {
          "description": "Id of a sector. Default: every perishable sector.",
          "type": "string"
        },
        "loss_share": {
          "description": "The loss share once the storage works. Unit: fraction; range 0–1. Required.",
          "$ref": "#/$defs/number"
        },
        "capacity_tonnes": {
          "description": "Storage capacity in tonnes (informative). Unit: count; range ≥ 0.",
          "$ref": "#/$defs/number"
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "required": [
        "link",
        "loss_share"
      ]
    },
    "shadow": {
      "title": "shadow_trade item",
      "type": "object",
      "properties": {
        "link": {
          "description": "Id of a link. Required.",
          "type": "string"
        },
        "shadow_share": {
          "description": "The unrecorded share once the measure works. Unit: fraction; range 0–1. Required.",
          "$ref": "#/$defs/number"
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "required": [
        "link",
        "shadow_share"
      ]
    },
    "infrastructure": {
      "title": "infrastructure item",
      "type": "object",
      "properties": {
        "country": {
          "description": "Code of the country paying. Required.",
          "type": "string"
        },
        "amount_per_year": {
          "description": "Capital spending in each year of the stage. Unit: usd_million_per_year; range ≥ 0. Required.",
          "$ref": "#/$defs/number"
        },
        "running_cost_per_year": {
          "description": "Running cost per year once built. Unit: usd_million_per_year; range ≥ 0.",
          "$ref": "#/$defs/number"
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "required": [
        "country",
        "amount_per_year"
      ]
    },
    "incentives": {
      "title": "incentives of a stage",
      "type": "object",
      "properties": {
        "income_tax_holiday_years": {
          "description": "Years of full corporate income-tax exemption from a resident's first year. Unit: years; range 0–100.",
          "$ref": "#/$defs/number"
        },
        "corporate_income_tax_rate": {
          "description": "Reduced corporate income-tax rate (after any holiday). Unit: fraction; range 0–1. Default: the country's rate.",
          "$ref": "#/$defs/number"
        },
        "property_tax_rate": {
          "description": "Property tax rate in the zone. Unit: fraction; range 0–1. Default: the country's rate.",
          "$ref": "#/$defs/number"
        },
        "land_tax": {
          "description": "Land tax in the zone, millions per hectare per year. Unit: usd_million_per_ha_per_year; range ≥ 0. Default: the country's land tax.",
          "$ref": "#/$defs/number"
        },
        "input_duty_exemption": {
          "description": "Share of import duty on inputs for export production that is waived. Unit: fraction; range 0–1. Default: 0.",
          "$ref": "#/$defs/number"
        },
        "equipment_duty_exemption": {
          "description": "Share of import duty on equipment that is waived. Unit: fraction; range 0–1. Default: 0.",
          "$ref": "#/$defs/number"
        },
        "land_rent_exemption": {
          "description": "Share of land rent that is waived. Unit: fraction; range 0–1. Default: 0.",
          "$ref": "#/$defs/number"
        },
        "infrastructure_reimbursement": {
          "description": "Share of residents' infrastructure costs the state reimburses. Unit: fraction; range 0–1. Default: 0.",
          "$ref": "#/$defs/number"
        },
        "vat_discount": {
          "description": "Discount on the VAT rate (0.5 = half the rate). Unit: fraction; range 0–1. Default: 0.",
          "$ref": "#/$defs/number"
        },
        "duty_discount": {
          "description": "Discount on customs duty rates (0.5 = half the rate). Unit: fraction; range 0–1. Default: 0.",
          "$ref": "#/$defs/number"
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false
    },
    "investment": {
      "title": "investment item of a zone",
      "type": "object",
      "properties": {
        "year": {
          "description": "Calendar year of the spending, inside the horizon. Required.",
          "type": "integer",
          "minimum": 1900,
          "maximum": 2200
        },
        "country": {
          "description": "Code of the country side: the country of one of the zone's regions. Required.",
          "type": "string"
        },
        "region": {
          "description": "Id of a member region of the zone, in `country`. Default: none.",
          "type": "string"
        },
        "sector": {
          "description": "Id of a sector. Required.",
          "type": "string"
        },
        "amount": {
          "description": "Private investment, millions. Unit: usd_million; range ≥ 0. Required.",
          "$ref": "#/$defs/number"
        },
        "equipment_share": {
          "description": "Share spent on imported equipment. Unit: fraction; range 0–1.",
          "$ref": "#/$defs/number"
        },
        "land_ha": {
          "description": "Land the investment occupies. Unit: hectares; range ≥ 0.",
          "$ref": "#/$defs/number"
        },
        "existing": {
          "description": "true for capacity already in place in `year`, booked at its value then: the zone's regime applies to it, but it is not new investment (no jobs, no equipment duty or reimbursement, no investment response; the tax expenditure on it is a cost in full). Default: false.",
          "type": "boolean"
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "required": [
        "year",
        "country",
        "sector",
        "amount"
      ]
    },
    "lever": {
      "title": "levers item",
      "type": "object",
      "properties": {
        "id": {
          "description": "Identifier. Required.",
          "$ref": "#/$defs/id"
        },
        "label": {
          "description": "Label shown next to the slider. Default: the id.",
          "type": "string"
        },
        "path": {
          "description": "Path of the number it sets, as `--set` takes it; must exist, and its value must lie in [min, max]. Required (checked by the loader; not enforced here, so that an 'extends' file may leave it out).",
          "type": "string",
          "pattern": "^[^.\\s]+(\\.[^.\\s]+)*$"
        },
        "min": {
          "description": "Lowest value (a plain number). Required (checked by the loader; not enforced here, so that an 'extends' file may leave it out).",
          "$ref": "#/$defs/plainNumber"
        },
        "max": {
          "description": "Highest value, above `min`. Required (checked by the loader; not enforced here, so that an 'extends' file may leave it out).",
          "$ref": "#/$defs/plainNumber"
        },
        "step": {
          "description": "Slider step, positive. Default: (max − min) / 100.",
          "$ref": "#/$defs/plainNumber"
        }
      },
      "additionalProperties": false,
      "required": [
        "id"
      ]
    },
    "id": {
      "description": "An identifier: letters, digits, '_' and '-', at most 64 characters.",
      "type": "string",
      "pattern": "^[0-9A-Za-z_\\-\\u00AA-\\uFFFF]{1,64}$"
    },
    "plainNumber": {
      "description": "A plain number. '_' may separate digits (3_900_000); YAML 1.2 tools read such a number as text, so the text form is accepted here. Percentages ('15%') and quoted numbers are errors: write 0.15.",
      "anyOf": [
        {
          "type": "number"
        },
        {
          "type": "string",
          "pattern": "^[+-]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][+-]?[0-9]+)?$"
        }
      ]
    },
    "number": {
      "description": "A number: plain (0.15), or a mapping with its provenance and an optional distribution ({value: 0.15, source: pwc, at: \"Uzbekistan, 2023\"}, {value: 0.5, assumption: \"…\"}, {triangular: [0.1, 0.2, 0.4], assumption: \"…\"}). Null means absent (useful to drop an inherited value in an 'extends' file).",
      "anyOf": [
        {
          "$ref": "#/$defs/plainNumber"
        },
        {
          "$ref": "#/$defs/quantity"
        },
        {
          "type": "null"
        }
      ]
    },
    "quantity": {
      "title": "number with provenance",
      "description": "A number with its source or assumption flag and an optional distribution; without 'value', the distribution's centre (midpoint, mode or mean) is the value.",
      "type": "object",
      "properties": {
        "value": {
          "description": "The central value.",
          "$ref": "#/$defs/plainNumber"
        },
        "unit": {
          "description": "Optional check: the unit the key is read in; any other unit is an error.",
          "enum": [
            "usd_million",
            "usd_million_per_year",
            "usd_million_per_ha_per_year",
            "usd_thousand_per_job_year",
            "usd_million_per_job",
            "persons",
            "jobs",
            "jobs_per_usd_million",
            "fraction",
            "fraction_per_year",
            "ratio",
            "index_percent",
            "days",
            "hours",
            "hectares",
            "kilometres",
            "years",
            "calendar_year",
            "count"
          ]
        },
        "uniform": {
          "description": "Uniform distribution [low, high].",
          "type": "array",
          "items": {
            "$ref": "#/$defs/plainNumber"
          },
          "minItems": 2,
          "maxItems": 2
        },
        "triangular": {
          "description": "Triangular distribution [low, mode, high], in that order.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/plainNumber"
          },
          "minItems": 3,
          "maxItems": 3
        },
        "normal": {
          "description": "Normal distribution truncated to [low, high].",
          "$ref": "#/$defs/normal"
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false,
      "minProperties": 1,
      "not": {
        "description": "at most one distribution",
        "anyOf": [
          {
            "required": [
              "uniform",
              "triangular"
            ]
          },
          {
            "required": [
              "uniform",
              "normal"
            ]
          },
          {
            "required": [
              "triangular",
              "normal"
            ]
          }
        ]
      }
    },
    "normal": {
      "title": "normal distribution",
      "type": "object",
      "properties": {
        "mean": {
          "$ref": "#/$defs/plainNumber"
        },
        "sd": {
          "description": "Standard deviation, above 0.",
          "$ref": "#/$defs/plainNumber"
        },
        "low": {
          "description": "Lower bound, at most the mean.",
          "$ref": "#/$defs/plainNumber"
        },
        "high": {
          "description": "Upper bound, at least the mean.",
          "$ref": "#/$defs/plainNumber"
        }
      },
      "required": [
        "mean",
        "sd",
        "low",
        "high"
      ],
      "additionalProperties": false
    },
    "series": {
      "description": "Values by calendar year, years increasing: {2020: 581.0, 2021: 625.2}. Each value is a number in any of its forms.",
      "type": "object",
      "propertyNames": {
        "pattern": "^[0-9]{4}$"
      },
      "additionalProperties": {
        "$ref": "#/$defs/number"
      }
    },
    "tradeTotals": {
      "title": "trade_totals (of a country)",
      "type": "object",
      "properties": {
        "year": {
          "description": "The year of the statistics (1900–2200). Default: not given.",
          "type": "integer",
          "minimum": 1900,
          "maximum": 2200
        },
        "exports": {
          "description": "Total exports by sector id, every sector of the scenario (0 for one not traded). Unit: usd_million_per_year; range ≥ 0. Required (checked by the loader).",
          "$ref": "#/$defs/amountsBySector"
        },
        "imports": {
          "description": "Total imports by sector id, every sector of the scenario (0 for one not traded). Unit: usd_million_per_year; range ≥ 0. Required (checked by the loader).",
          "$ref": "#/$defs/amountsBySector"
        },
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": false
    },
    "amountsBySector": {
      "description": "Money per year by sector id; the keys must be ids of 'sectors'.",
      "type": "object",
      "properties": {
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": {
        "$ref": "#/$defs/number"
      }
    },
    "dutiesBySector": {
      "description": "Import duty rates by sector id (fractions 0–1); the keys must be ids of 'sectors'.",
      "type": "object",
      "properties": {
        "source": {
          "description": "Id of an entry of `sources`; plain numbers inside this mapping cite it.",
          "type": "string"
        },
        "at": {
          "description": "Where in the source (line numbers, table); only read next to `source`.",
          "type": [
            "string",
            "number"
          ]
        },
        "assumption": {
          "description": "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
          "type": "string"
        },
        "note": {
          "description": "A free comment, ignored by the loader.",
          "type": "string"
        }
      },
      "additionalProperties": {
        "$ref": "#/$defs/number"
      }
    },
    "evaluators": {
      "description": "Evaluator ids mapped to their parameter overrides (an empty mapping {} keeps every default). Parameter names and ranges are checked when the scenario is run: see 'coopzone evaluators'.",
      "type": [
        "object",
        "null"
      ],
      "additionalProperties": {
        "type": [
          "object",
          "null"
        ],
        "additionalProperties": {
          "anyOf": [
            {
              "$ref": "#/$defs/number"
            },
            {
              "type": "string"
            }
          ]
        }
      }
    }
  }
}
"""#
}
