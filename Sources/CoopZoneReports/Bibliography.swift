/// The publications that the built-in evaluators' parameter citations name in short
/// (author and year), with their full references. A report prints the full reference of every
/// publication its parameter tables cite: a reader of an e-mailed report has the report, not the
/// repository. The entries are copies of entries of the project bibliography,
/// `Docs/sources.md`, which a test keeps in step (same id, same text).
public enum Bibliography {
    /// The project bibliography, as a report names it.
    public static let document = "Docs/sources.md"

    /// One publication.
    public struct Entry: Sendable, Hashable {
        /// Its anchor in `Docs/sources.md` (also the id scenarios give it in `sources:`).
        public let id: String
        /// Texts a citation that names this publication contains (`"Hummels & Schaur"`).
        public let cues: [String]
        /// The full reference, as in `Docs/sources.md` without Markdown emphasis (and without
        /// web addresses: a report prints addresses only as a scenario source's address).
        public let reference: String
    }

    /// The publications evaluator citations name, in the order of `Docs/sources.md`.
    public static let entries: [Entry] = [
        Entry(
            id: "book", cues: ["Logistics & Diplomacy in Central Asia"],
            reference:
                "Logistics & Diplomacy in Central Asia. Collective volume in English, Russian and French, foreword by François Delahousse (Ambassador of France to Kyrgyzstan), editorial by Pierre Chabal (Normandie Université). SEFACIL Foundation and Al-Farabi Kazakh National University (KazNU), 2022."
        ),
        Entry(
            id: "article", cues: ["Kuanshaliev"],
            reference:
                "Kuanshaliev, B. K. (2024). Development of border trade between Kazakhstan and Kyrgyzstan based on the creation of cross-border hubs (Russian title «Развитие приграничной торговли между Казахстаном и Кыргызстаном на основе создания трансграничных хабов»). Journal article, J. Balasagyn Kyrgyz National University, Bishkek"
        ),
        Entry(
            id: "devereux2003", cues: ["Devereux & Griffith", "Devereux–Griffith"],
            reference:
                "Devereux, M. P. & Griffith, R. (2003). Evaluating tax policy for location decisions. International Tax and Public Finance 10(2), 107–126."),
        Entry(
            id: "klemm2008", cues: ["Klemm"],
            reference: "Klemm, A. (2008). Effective average tax rates for permanent investment. IMF Working Paper WP/08/56. International Monetary Fund."),
        Entry(
            id: "hanappi2018", cues: ["Hanappi", "OECD Corporate Tax Statistics"],
            reference:
                "Hanappi, T. (2018). Corporate effective tax rates: model description and results from 36 OECD and non-OECD countries. OECD Taxation Working Papers No. 38. OECD Publishing."
        ),
        Entry(
            id: "demooij2003", cues: ["De Mooij & Ederveen"],
            reference:
                "De Mooij, R. A. & Ederveen, S. (2003). Taxation and foreign direct investment: a synthesis of empirical research. International Tax and Public Finance 10(6), 673–693."
        ),
        Entry(
            id: "imf2015", cues: ["IMF, OECD, UN", "IMF/OECD/UN"],
            reference:
                "IMF, OECD, UN & World Bank (2015). Options for Low Income Countries' Effective and Efficient Use of Tax Incentives for Investment. Report to the G-20 Development Working Group."
        ),
        Entry(
            id: "laird1986", cues: ["Laird & Yeats"],
            reference:
                "Laird, S. & Yeats, A. (1986). The UNCTAD trade policy simulation model: a note on the methodology, data and uses. UNCTAD Discussion Paper No. 19."
        ),
        Entry(
            id: "wits", cues: ["WITS"],
            reference:
                "World Bank, WITS (World Integrated Trade Solution) online help: SMART (theoretical framework; input requirements and output results; checking the raw data) and the Trade Complementarity Index."
        ),
        Entry(
            id: "kee2008", cues: ["Kee, Nicita & Olarreaga"],
            reference:
                "Kee, H. L., Nicita, A. & Olarreaga, M. (2008). Import demand elasticities and trade distortions. Review of Economics and Statistics 90(4), 666–682."
        ),
        Entry(
            id: "boehm2023", cues: ["Boehm, Levchenko"],
            reference:
                "Boehm, C. E., Levchenko, A. A. & Pandalai-Nayar, N. (2023). The long and short (run) of trade elasticities. American Economic Review 113(4), 861–905."
        ),
        Entry(
            id: "hummels2013", cues: ["Hummels & Schaur"],
            reference: "Hummels, D. L. & Schaur, G. (2013). Time as a trade barrier. American Economic Review 103(7), 2935–2959."),
        Entry(
            id: "andersonvanwincoop2004", cues: ["Anderson & van Wincoop"],
            reference: "Anderson, J. E. & van Wincoop, E. (2004). Trade costs. Journal of Economic Literature 42(3), 691–751."),
        Entry(
            id: "djankov2010", cues: ["Djankov"],
            reference: "Djankov, S., Freund, C. & Pham, C. S. (2010). Trading on time. Review of Economics and Statistics 92(1), 166–173."),
        Entry(
            id: "simonovska2014", cues: ["Simonovska & Waugh"],
            reference: "Simonovska, I. & Waugh, M. E. (2014). The elasticity of trade: estimates and evidence. Journal of International Economics 92(1), 34–50."
        ),
        Entry(
            id: "headmayer2014", cues: ["Head & Mayer"],
            reference:
                "Head, K. & Mayer, T. (2014). Gravity equations: workhorse, toolkit, and cookbook. In G. Gopinath, E. Helpman & K. Rogoff (eds.), Handbook of International Economics, vol. 4, ch. 3, 131–195. Elsevier."
        ),
        Entry(
            id: "kapsos2005", cues: ["Kapsos"],
            reference:
                "Kapsos, S. (2005). The employment intensity of growth: trends and macroeconomic determinants. ILO Employment Strategy Paper 2005/12. Geneva: International Labour Office."
        ),
        Entry(
            id: "fdimarkets", cues: ["fDi Markets"],
            reference:
                "fDi Markets (The Financial Times Ltd), greenfield FDI projects, capital expenditure and jobs, as reported by fDi Intelligence: The fDi Report and its annual global outlooks (2003–2008: USD 5,700 bn and 16.8 million direct jobs; 2010: USD 748.8 bn and 2.04 million jobs)."
        ),
        Entry(
            id: "hca2014", cues: ["Additionality Guide"],
            reference: "Homes and Communities Agency (2014). Additionality Guide, 4th edition. London: HCA (3rd edition: English Partnerships, 2008)."),
        Entry(
            id: "greenbook", cues: ["Green Book"],
            reference: "HM Treasury (2022). The Green Book: Central Government Guidance on Appraisal and Evaluation. London: HM Treasury."),
        Entry(
            id: "rims2", cues: ["RIMS II"],
            reference: "U.S. Bureau of Economic Analysis. RIMS II: An Essential Tool for Regional Developers and Planners (user guide). Washington, DC: BEA."),
        Entry(
            id: "adb2017", cues: ["ADB (2017)", "ADB 2017", "Asian Development Bank (2017)"],
            reference: "Asian Development Bank (2017). Guidelines for the Economic Analysis of Projects. Manila: ADB."),
        Entry(
            id: "zhuang2007", cues: ["Zhuang"],
            reference:
                "Zhuang, J., Liang, Z., Lin, T. & De Guzman, F. (2007). Theory and Practice in the Choice of Social Discount Rate for Cost-Benefit Analysis: A Survey. ERD Working Paper No. 94. Manila: Asian Development Bank."
        ),
        Entry(
            id: "michaely1996", cues: ["Michaely"],
            reference:
                "Michaely, M. (1996). Trade preferential agreements in Latin America: an ex-ante assessment. World Bank Policy Research Working Paper No. 1583."
        ),
        Entry(
            id: "finger1979", cues: ["Finger & Kreinin", "Finger–Kreinin"],
            reference: "Finger, J. M. & Kreinin, M. E. (1979). A measure of \"export similarity\" and its possible uses. Economic Journal 89(356), 905–912."),
        Entry(
            id: "grubel1975", cues: ["Grubel & Lloyd", "Grubel–Lloyd"],
            reference:
                "Grubel, H. G. & Lloyd, P. J. (1975). Intra-Industry Trade: The Theory and Measurement of International Trade in Differentiated Products. London: Macmillan."
        ),
    ]

    /// The entries that any of `texts` names, in the order of `entries`.
    public static func cited(in texts: [String]) -> [Entry] {
        entries.filter { entry in texts.contains { text in entry.cues.contains { text.contains($0) } } }
    }

    /// The sentence a report prints under its sources: where the project bibliography is.
    public static let note =
        "The project bibliography, \(document) in the CoopZone repository, lists every publication the shipped scenarios and the evaluators' defaults cite, with the chapters, sections and tables cited."
}
