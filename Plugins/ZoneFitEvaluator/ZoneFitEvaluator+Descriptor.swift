import CoopZoneCore

extension ZoneFitEvaluator {
    /// The id used in scenarios.
    static let id = "zone_fit"
    /// Where the equations are documented.
    static let doc = "Docs/methodology/zone_fit.md"

    static let metricSpecs: [Metric] = [
        Metrics.similarity,
        Metrics.processingOverlap,
        Metrics.complementarity,
        Metrics.intraIndustry,
        Metrics.countries,
        Metrics.fiscalCapacity,
        Metrics.kindFit,
        Metrics.kindRank,
        Metrics.recommended,
    ]

    static let headlineSpecs: [Metric] = [
        Metrics.fitScore,
        Metrics.similarityMean,
    ]

    /// The metrics and headlines, each declared once; rows and headlines are written through these handles.
    enum Metrics {
        static let similarity = Metric(
            of: id, "similarity", unit: .fraction,
            "Finger–Kreinin similarity Σ min(a_s, b_s) of sector shares: the zone's mean over cross-border pairs of regions (no region), or a region's mean with its partners",
            dimensions: [.zone, .region], additive: false, equation: "\(doc)#similarity")
        static let processingOverlap = Metric(
            of: id, "processing_overlap", unit: .fraction, "Finger–Kreinin similarity restricted to processing sectors: room for joint processing industries",
            dimensions: [.zone, .region], additive: false, equation: "\(doc)#processing-overlap")
        static let complementarity = Metric(
            of: id, "complementarity", unit: .ratio,
            "Michaely's trade complementarity index 100·(1 − Σ|m_s − x_s|/2) (0–100), x_s the sector's share of the exporting country's total exports and m_s of the importing country's total imports (trade_totals, over the scenario's sectors), by link and direction; the zone's mean over its ordered country pairs without link",
            dimensions: [.zone, .link, .direction, .region, .country], additive: false, equation: "\(doc)#complementarity")
        static let intraIndustry = Metric(
            of: id, "intra_industry", unit: .fraction, "Grubel–Lloyd index of two-way trade in the same sectors, by link; the zone's aggregate without link",
            dimensions: [.zone, .link], additive: false, equation: "\(doc)#intra-industry-trade")
        static let countries = Metric(
            of: id, "countries", unit: .count, "Number of countries of the zone's member regions", dimensions: [.zone], additive: false,
            equation: "\(doc)#countries")
        static let fiscalCapacity = Metric(
            of: id, "fiscal_capacity", unit: .usdMillionPerYear,
            "Fiscal capacity proxy of a side: wage tax on its regions' wage bill plus corporate income tax on a profit margin of their output",
            dimensions: [.zone, .country], equation: "\(doc)#fiscal-capacity")
        static let kindFit = Metric(
            of: id, "kind_fit", unit: .fraction,
            "Score of a kind (instrument = the kind): the mean over its testable criteria of min(1, value/threshold) (1/0 for the number of countries); 1 when its rule is met",
            dimensions: [.zone, .instrument], additive: false, equation: "\(doc)#scores-and-ranking")
        static let kindRank = Metric(
            of: id, "kind_rank", unit: .count, "Rank of a kind (instrument = the kind) by score, 1 = the kind recommended; ties go to the deeper integration",
            dimensions: [.zone, .instrument], additive: false, equation: "\(doc)#scores-and-ranking")
        static let recommended = Metric(
            of: id, "recommended", unit: .count, "1 when the zone's data meet the rule of the kind (instrument = the kind), else 0",
            dimensions: [.zone, .instrument], equation: "\(doc)#rules")
        static let fitScore = Metric(
            of: id, "fit_score", unit: .fraction, "Score of each zone's chosen kind (its kind_fit), averaged over the zones",
            additive: false, equation: "\(doc)#headlines", presentation: MetricPresentation(shortLabel: "Zone-kind fit", better: .higher))
        static let similarityMean = Metric(
            of: id, "similarity_mean", unit: .fraction, "Structural similarity, averaged over the zones with sector data",
            additive: false, equation: "\(doc)#headlines", presentation: MetricPresentation(shortLabel: "Similarity of the sides"))
    }

    /// What the evaluator is: id, parameters, metrics and headlines.
    public static let descriptor = EvaluatorDescriptor(
        id: id,
        summary:
            "The book's rules for choosing a kind of zone, made measurable: structural similarity, trade complementarity of the countries' total trade, intra-industry trade, countries and fiscal capacity; kinds scored and ranked, the best recommended with reasons",
        version: "2.0.0",
        dependencies: [],
        parameters: Parameters.specs,
        metrics: metricSpecs,
        headlines: headlineSpecs,
        documentation: doc)
}

extension ZoneFitEvaluator.Parameters {
    /// The parameters: each property's scenario name, meaning, unit, ranges and citation (its default is the
    /// property's initial value).
    public static let table: [ParameterField<Self>] = [
        ParameterField(
            \.ftzSimilarityMin, "ftz_similarity_min",
            "Border FTZ: least Finger–Kreinin similarity of the regions' sector shares for 'practically similar comparative advantages'",
            unit: .fraction, allowed: 0...1, plausible: 0.60...0.80,
            citation:
                "Assumption: the rule for a border FTZ (Logistics & Diplomacy in Central Asia (2022), zones chapter, rules for choosing a kind of zone) gives no figure; 0.7 means at least 70 % of the two economies' output is in common sectors",
            assumption: true),
        ParameterField(
            \.ftzIntraIndustryMin, "ftz_intra_industry_min",
            "Border FTZ: least Grubel–Lloyd index of two-way trade in the same sectors, for 'contrasting in the differentiation of products within the same industries'",
            unit: .fraction, allowed: 0...1, plausible: 0.20...0.50,
            citation:
                "Assumption: the rule for a border FTZ (Logistics & Diplomacy in Central Asia (2022), zones chapter, rules for choosing a kind of zone) gives no figure; Grubel & Lloyd (1975) index",
            assumption: true),
        ParameterField(
            \.cbezProcessingMin, "cbez_processing_min",
            "CBEZ: least overlap of the regions' processing-sector shares (Σ min over processing sectors), for 'the creation of joint processing industries'",
            unit: .fraction, allowed: 0...1, plausible: 0.10...0.25,
            citation:
                "Assumption: the rule for a CBEZ (Logistics & Diplomacy in Central Asia (2022), zones chapter, rules for choosing a kind of zone) gives no figure",
            assumption: true),
        ParameterField(
            \.cbezComplementarityMin, "cbez_complementarity_min",
            "CBEZ: least trade complementarity index (0–100) for 'significant opportunities … for the development of border trade'",
            unit: .ratio, allowed: 0...100, plausible: 30...60,
            citation:
                "Assumption: the book (Logistics & Diplomacy in Central Asia, 2022, chapter on international zones of economic cooperation) gives no figure; index of Michaely (1996), World Bank Policy Research Working Paper 1583, computed on the scenario's sectors of the two countries' total trade; 40 means the exporter's sector mix and the importer's overlap by at least 40 %",
            assumption: true),
        ParameterField(
            \.fezProcessingMin, "fez_processing_min",
            "Cross-border FEZ: least processing-sector overlap for 'intra-industry … cooperation within the framework of joint clusters'",
            unit: .fraction, allowed: 0...1, plausible: 0.15...0.35,
            citation:
                "Assumption: the rule for a cross-border FEZ (Logistics & Diplomacy in Central Asia (2022), zones chapter, rules for choosing a kind of zone) gives no figure",
            assumption: true),
        ParameterField(
            \.fezComplementarityMin, "fez_complementarity_min",
            "Cross-border FEZ: least trade complementarity index (0–100) for 'inter-industry cooperation'",
            unit: .ratio, allowed: 0...100, plausible: 40...70,
            citation:
                "Assumption: the book (Logistics & Diplomacy in Central Asia, 2022, chapter on international zones of economic cooperation) gives no figure; index of Michaely (1996), World Bank Policy Research Working Paper 1583; set above the CBEZ's 40 since inter-industry cooperation asks more of the trade structures than border trade",
            assumption: true),
        ParameterField(
            \.fezFiscalCapacityMin, "fez_fiscal_capacity_min",
            "Cross-border FEZ: least fiscal capacity proxy of the weakest side, for authorities able 'to make significant financial investments' in the zone's infrastructure",
            unit: .usdMillionPerYear, allowed: 0...1_000_000, plausible: 75...300,
            citation:
                "Assumption: the rule for a cross-border FEZ (Logistics & Diplomacy in Central Asia (2022), zones chapter, rules for choosing a kind of zone) gives no figure; a side should fund about USD 15 m a year of zone infrastructure (the scenarios assume 10–30) from at most a tenth of its revenue",
            assumption: true),
        ParameterField(
            \.triangleMinCountries, "triangle_min_countries",
            "Growth triangle: least number of countries among the member regions ('at the intersection of all three countries')",
            unit: .count, allowed: 2...10, plausible: 3...3,
            citation:
                "Logistics & Diplomacy in Central Asia (2022), zones chapter, rules for choosing a kind of zone, and its definition of growth triangles as 'border regions of three or more countries' (same chapter, 'Foreign experience in creating international FEZ')"
        ),
        ParameterField(
            \.profitMargin, "profit_margin",
            "Taxable profit as a share of output, for the fiscal capacity proxy",
            unit: .fraction, allowed: 0...1, plausible: 0.05...0.20, citation: "Assumption: a typical net margin of regional manufacturing and trade",
            assumption: true),
    ]
}
