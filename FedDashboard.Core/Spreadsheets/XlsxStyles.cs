using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FedDashboard.Core.Spreadsheets;

/// <summary>The export's cell styles: the default, a time with its milliseconds, and a bold header.</summary>
internal static class XlsxStyles
{
    public const uint DateTime = 1;
    public const uint Header = 2;

    /// <summary>The first number format id free for custom formats; lower ids are Excel's built-in ones.</summary>
    private const uint TimeFormatId = 164;

    // A spreadsheet shows a bare date serial as a day only; the ledger's order within a day is in the time.
    public const string TimeFormat = "yyyy-mm-dd hh:mm:ss.000";

    public static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = TimeFormatId, FormatCode = TimeFormat }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        // The first two fills are reserved by the format (none and gray125).
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = TimeFormatId, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
