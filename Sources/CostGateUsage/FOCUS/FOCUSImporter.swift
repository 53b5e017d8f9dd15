import Foundation
import CostGateBasics

/// A FinOps FOCUS (FinOps Open Cost and Usage Specification, v1.0–1.2) cost and usage export as CSV:
/// RFC 4180 (`CSVReader`) with a header row; columns are matched by their FOCUS names in any order and
/// other columns (`x_` custom ones included) are ignored.
///
/// * Cost: `EffectiveCost` (amortised, after discounts and commitments); `BilledCost` when the export
///   has no `EffectiveCost` column (a note says so once). Read exactly as decimals. FOCUS's Numeric
///   Format forbids exponents and a `+` sign, but exporters that write floats produce `4.5E+2`; such
///   values are still read (exactly) rather than dropping spend.
/// * `BillingCurrency` must be `USD` (quotas are USD): another currency is an error at the row.
/// * `ChargeCategory`: only `Usage` rows are actual spend. `Purchase` (upfront commitment fees, which
///   `EffectiveCost` already spreads over the usage they cover), `Tax`, `Credit` and `Adjustment` rows
///   are left out, with one note counting them; a value outside the five is an error at its cell.
/// * Month: `ChargePeriodStart` (`YYYY-MM-DDTHH:mm:ssZ`); `ChargePeriodEnd` is the end.
/// * `ResourceId` is the id (the row's place when null), `ResourceName` the name, `Tags` (a JSON object;
///   empty or null for none) the attribution tags. Untagged rows are kept unattributed and not shared:
///   the policy's tag keys and the audit decide.
/// * `PricingCategory` `Dynamic` (spot, interruptible) and `Committed`, and `ChargeClass` `Correction`
///   (which keeps the period it corrects, so it lands in that month), are noted on the record.
public enum FOCUSImporter {
    /// Columns every export must have (the cost column is `EffectiveCost` or `BilledCost`).
    package static let requiredColumns = ["ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory", "BillingCurrency"]
    /// FOCUS `ChargeCategory` values.
    package static let chargeCategories = ["Usage", "Purchase", "Tax", "Credit", "Adjustment"]
    /// Every column costgate reads, for suggestions.
    package static let knownColumns = requiredColumns + ["EffectiveCost", "BilledCost", "ResourceId", "ResourceName", "Tags", "PricingCategory",
                                                       "ChargeClass"]

    public static func read(_ bytes: [UInt8], file: String) -> UsageReading {
        var reading = UsageReading()
        func place(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        func error(_ line: Int, _ column: Int, _ message: String) {
            reading.diagnostics.append(Diagnostic(.error, at: place(line, column), message, rule: "usage"))
        }

        let (records, syntaxErrors) = CSVReader.read(bytes)
        for syntax in syntaxErrors { error(syntax.line, syntax.column, "invalid CSV: \(syntax.message)") }
        guard let headerIndex = records.firstIndex(where: { !$0.isBlank }) else {
            if syntaxErrors.isEmpty {
                error(1, 1, "the file is empty; expected a FOCUS header row (ChargePeriodStart,ChargeCategory,EffectiveCost,…)")
            }
            return reading
        }
        let header = records[headerIndex]

        // The header: names to positions.
        var position: [String: Int] = [:]
        for (index, field) in header.fields.enumerated() {
            if let first = position[field.text] {
                error(field.line, field.column, "duplicate column '\(field.text)' (first at column \(header.fields[first].column))")
                return reading
            }
            position[field.text] = index
        }
        var missing = requiredColumns.filter { position[$0] == nil }
        if position["EffectiveCost"] == nil && position["BilledCost"] == nil { missing.append("EffectiveCost") }
        if !missing.isEmpty {
            for name in missing {
                let unmatched = header.fields.map(\.text).filter { !knownColumns.contains($0) }
                error(header.line, 1, "no '\(name)' column in the header\(Suggestion.didYouMean(name, in: unmatched)); "
                      + "a FOCUS export names its columns ChargePeriodStart, ChargePeriodEnd, ChargeCategory, BillingCurrency, EffectiveCost, …")
            }
            return reading
        }
        let costColumn = position["EffectiveCost"] != nil ? "EffectiveCost" : "BilledCost"
        if costColumn == "BilledCost", let index = position["BilledCost"] {
            reading.diagnostics.append(Diagnostic(.note, at: place(header.line, header.fields[index].column),
                "no EffectiveCost column: BilledCost (the invoiced cost, before commitments are amortised) is used", rule: "usage"))
        }

        var leftOut: [String: Int] = [:]
        for record in records[(headerIndex + 1)...] where !record.isBlank {
            guard record.fields.count == header.fields.count else {
                error(record.line, 1, "the row has \(record.fields.count) fields; the header has \(header.fields.count)")
                continue
            }
            func cell(_ name: String) -> CSVReader.Field? { position[name].map { record.fields[$0] } }
            /// The cell's text, nil when the column is absent or the cell empty (FOCUS null).
            func value(_ name: String) -> String? {
                guard let text = cell(name)?.text, !text.isEmpty else { return nil }
                return text
            }
            func cellError(_ name: String, _ message: String) {
                let field = cell(name)
                error(field?.line ?? record.line, field?.column ?? 1, message)
            }

            let category = value("ChargeCategory") ?? ""
            guard chargeCategories.contains(category) else {
                cellError("ChargeCategory", "ChargeCategory '\(category)' is not one of \(chargeCategories.joined(separator: ", "))"
                          + Suggestion.didYouMean(category, in: chargeCategories))
                continue
            }
            let currency = value("BillingCurrency") ?? ""
            guard currency == "USD" else {
                cellError("BillingCurrency", "BillingCurrency '\(currency)' is not USD; quotas are in USD, so export in USD")
                continue
            }
            guard category == "Usage" else {
                leftOut[category, default: 0] += 1
                continue
            }
            let costText = value(costColumn) ?? ""
            guard let cost = UsageNumber.decimal(costText) else {
                cellError(costColumn, "\(costColumn) '\(costText)' is not a number")
                continue
            }
            let startText = value("ChargePeriodStart") ?? ""
            guard let start = UsageTimestamp.parse(startText, zone: .required) else {
                cellError("ChargePeriodStart", "ChargePeriodStart '\(startText)' is not an ISO 8601 UTC time (YYYY-MM-DDTHH:mm:ssZ)")
                continue
            }
            let endText = value("ChargePeriodEnd") ?? ""
            guard let end = UsageTimestamp.parse(endText, zone: .required) else {
                cellError("ChargePeriodEnd", "ChargePeriodEnd '\(endText)' is not an ISO 8601 UTC time (YYYY-MM-DDTHH:mm:ssZ)")
                continue
            }
            var tags: [String: String] = [:]
            if let field = cell("Tags"), !field.text.isEmpty {
                switch FOCUSTags.parse(field.text) {
                case .success(let parsed): tags = parsed
                case .failure(let problem):
                    error(field.line, field.column, problem.message)
                    continue
                }
            }
            var notes: [String] = []
            switch value("PricingCategory") {
            case "Dynamic": notes.append("spot or interruptible capacity (PricingCategory Dynamic)")
            case "Committed": notes.append("committed-use pricing (PricingCategory Committed)")
            default: break
            }
            if value("ChargeClass") == "Correction" {
                notes.append("a correction of an earlier charge (ChargeClass Correction), counted in its ChargePeriodStart's month")
            }
            reading.records.append(UsageRecord(
                source: .focus, location: place(record.line, 1), id: value("ResourceId") ?? "\(file):\(record.line)",
                name: value("ResourceName"), start: start, end: end, month: CalendarMonth(containing: start), cost: cost,
                attribution: UsageAttribution(tags: tags), notes: notes))
        }
        if !leftOut.isEmpty, let index = position["ChargeCategory"] {
            let total = leftOut.values.reduce(0, +)
            let parts = chargeCategories.compactMap { name in leftOut[name].map { "\($0) \(name)" } }
            reading.diagnostics.append(Diagnostic(.note, at: place(header.line, header.fields[index].column),
                "\(total) row\(total == 1 ? "" : "s") left out as not usage (\(parts.joined(separator: ", "))); only ChargeCategory Usage counts",
                rule: "usage"))
        }
        reading.diagnostics.sort()   // CSV syntax errors were found first; report everything in file order
        return reading
    }
}
