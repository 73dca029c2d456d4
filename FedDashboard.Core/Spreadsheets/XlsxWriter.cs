using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FedDashboard.Core.Spreadsheets;

/// <summary>
/// Writes rows into a one-sheet XLSX as they arrive, with the Open XML SDK's forward-only writer into a write-only package,
/// whose zip entries go straight to a temporary file: memory stays flat however many rows (./fed bench ledger). The
/// SDK's document classes would open the package for update, which holds each part in memory until it closes.
/// </summary>
public static class XlsxWriter
{
    private const string Main = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private const string WorksheetRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    private const string StylesRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    private const string Spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml";

    public static async Task WriteAsync<TRow>(IAsyncEnumerable<TRow> rows, string sheetName, Stream target, CancellationToken ct)
    {
        // The zip writes its directory synchronously when it closes, which a response body refuses: build it in a file, then send.
        await using var file = new FileStream(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, bufferSize: 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var package = Package.Open(file, FileMode.Create, FileAccess.Write))
        {
            // A write-only package takes one part at a time: each is written whole before the next is created.
            var workbook = NewPart(package, "/xl/workbook.xml", $"{Spreadsheet}.sheet.main+xml");
            package.CreateRelationship(workbook.Uri, TargetMode.Internal, Main, "rId1");
            workbook.CreateRelationship(new Uri("worksheets/sheet1.xml", UriKind.Relative), TargetMode.Internal, WorksheetRelationship, "rId1");
            workbook.CreateRelationship(new Uri("styles.xml", UriKind.Relative), TargetMode.Internal, StylesRelationship, "rId2");
            WriteWhole(workbook, new Workbook(new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = "rId1" })));
            WriteWhole(NewPart(package, "/xl/styles.xml", $"{Spreadsheet}.styles+xml"), XlsxStyles.Stylesheet());
            await WriteSheetAsync(NewPart(package, "/xl/worksheets/sheet1.xml", $"{Spreadsheet}.worksheet+xml"), rows, ct);
        }
        file.Position = 0;
        await file.CopyToAsync(target, ct);
    }

    private static PackagePart NewPart(Package package, string path, string contentType) =>
        package.CreatePart(new Uri(path, UriKind.Relative), contentType, CompressionOption.Normal);

    private static void WriteWhole(PackagePart part, OpenXmlElement root)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteElement(root);
    }

    private static async Task WriteSheetAsync<TRow>(PackagePart part, IAsyncEnumerable<TRow> rows, CancellationToken ct)
    {
        var columns = new SheetColumns<TRow>();
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        // The header row stays in view while finance scrolls.
        writer.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 }));
        if (columns.Widths() is { HasChildren: true } widths) writer.WriteElement(widths);
        writer.WriteStartElement(new SheetData());

        uint number = 1;
        WriteRow(writer, columns, number, columns.Headers.Select((header, i) => (i, WithStyle(SheetColumns<TRow>.TextCell(header), XlsxStyles.Header))));
        await foreach (var row in rows.WithCancellation(ct)) WriteRow(writer, columns, ++number, columns.Cells(row));

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow<TRow>(OpenXmlWriter writer, SheetColumns<TRow> columns, uint number, IEnumerable<(int Column, Cell Cell)> cells)
    {
        writer.WriteStartElement(new Row { RowIndex = number });
        foreach (var (column, cell) in cells)
        {
            cell.CellReference = columns.Reference(column, number);
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static Cell WithStyle(Cell cell, uint style)
    {
        cell.StyleIndex = style;
        return cell;
    }
}
