using System.Globalization;
using System.IO.Packaging;
using System.Text;
using System.Xml;

namespace FedDashboard.Core.Orchestration.Reports.Spreadsheets;

/// <summary>
/// Writes rows into a one-sheet XLSX as they arrive: forward-only XML into a write-only package whose zip entries go
/// straight to a temporary file, so memory stays flat however many rows (./fed bench ledger). The Open XML SDK's document
/// classes would open the package for update, which holds each part in memory until it closes; and its writer names the
/// spreadsheet namespace with a prefix (x:), which readers such as ExcelJS do not understand. The tests check every file
/// against the schema with the SDK's validator.
/// </summary>
public static class XlsxWriter
{
    public const string SpreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string ContentTypes = "application/vnd.openxmlformats-officedocument.spreadsheetml";


    public static async Task WriteAsync<TRow>(IAsyncEnumerable<TRow> rows, string sheetName, Stream target, CancellationToken ct)
    {
        // The zip writes its directory synchronously when it closes, which a response body refuses: build it in a file, then send.
        await using var file = new FileStream(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, bufferSize: 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var package = Package.Open(file, FileMode.Create, FileAccess.Write))
        {
            // A write-only package takes one part at a time: each is written whole before the next is created.
            var workbook = NewPart(package, "/xl/workbook.xml", $"{ContentTypes}.sheet.main+xml");
            package.CreateRelationship(workbook.Uri, TargetMode.Internal, $"{Relationships}/officeDocument", "rId1");
            workbook.CreateRelationship(new Uri("worksheets/sheet1.xml", UriKind.Relative), TargetMode.Internal, $"{Relationships}/worksheet", "rId1");
            workbook.CreateRelationship(new Uri("styles.xml", UriKind.Relative), TargetMode.Internal, $"{Relationships}/styles", "rId2");
            using (var xml = Open(workbook)) WriteWorkbook(xml, sheetName);
            using (var xml = Open(NewPart(package, "/xl/styles.xml", $"{ContentTypes}.styles+xml"))) XlsxStyles.Write(xml);
            using (var xml = Open(NewPart(package, "/xl/worksheets/sheet1.xml", $"{ContentTypes}.worksheet+xml"))) await WriteSheetAsync(xml, rows, ct);
        }
        file.Position = 0;
        await file.CopyToAsync(target, ct);
    }

    private static PackagePart NewPart(Package package, string path, string contentType) =>
        package.CreatePart(new Uri(path, UriKind.Relative), contentType, CompressionOption.Normal);

    /// <summary>The part's XML writer; disposing it closes the part's stream too.</summary>
    private static XmlWriter Open(PackagePart part) =>
        XmlWriter.Create(part.GetStream(FileMode.Create, FileAccess.Write),
            new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), CloseOutput = true });

    private static void WriteWorkbook(XmlWriter xml, string sheetName)
    {
        xml.WriteStartElement("workbook", SpreadsheetNamespace);
        xml.WriteAttributeString("xmlns", "r", null, Relationships);
        xml.WriteStartElement("sheets");
        xml.WriteStartElement("sheet");
        xml.WriteAttributeString("name", sheetName);
        xml.WriteAttributeString("sheetId", "1");
        xml.WriteAttributeString("id", Relationships, "rId1");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static async Task WriteSheetAsync<TRow>(XmlWriter xml, IAsyncEnumerable<TRow> rows, CancellationToken ct)
    {
        var columns = new SheetColumns<TRow>();
        xml.WriteStartElement("worksheet", SpreadsheetNamespace);
        WriteFrozenHeader(xml);
        var widths = columns.Widths.ToList();
        if (widths.Count > 0)
        {
            xml.WriteStartElement("cols");
            foreach (var (column, width) in widths)
            {
                xml.WriteStartElement("col");
                xml.WriteAttributeString("min", Invariant(column));
                xml.WriteAttributeString("max", Invariant(column));
                xml.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("customWidth", "1");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteStartElement("sheetData");
        var number = 1;
        WriteRow(xml, columns, number, columns.Headers.Select((cell, i) => (i, cell)));
        await foreach (var row in rows.WithCancellation(ct)) WriteRow(xml, columns, ++number, columns.Cells(row));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>The header row stays in view while finance scrolls.</summary>
    private static void WriteFrozenHeader(XmlWriter xml)
    {
        xml.WriteStartElement("sheetViews");
        xml.WriteStartElement("sheetView");
        xml.WriteAttributeString("workbookViewId", "0");
        xml.WriteStartElement("pane");
        xml.WriteAttributeString("ySplit", "1");
        xml.WriteAttributeString("topLeftCell", "A2");
        xml.WriteAttributeString("activePane", "bottomLeft");
        xml.WriteAttributeString("state", "frozen");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteRow<TRow>(XmlWriter xml, SheetColumns<TRow> columns, int number, IEnumerable<(int Column, SheetCell Cell)> cells)
    {
        xml.WriteStartElement("row");
        xml.WriteAttributeString("r", Invariant(number));
        foreach (var (column, cell) in cells)
        {
            xml.WriteStartElement("c");
            xml.WriteAttributeString("r", columns.Reference(column, number));
            if (cell.Style != XlsxStyles.Default) xml.WriteAttributeString("s", Invariant(cell.Style));
            if (cell.IsText)
            {
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is");
                xml.WriteStartElement("t");
                xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(cell.Value);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            else
            {
                xml.WriteElementString("v", cell.Value);
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);
}
