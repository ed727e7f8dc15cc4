using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace AvecSante.Infrastructure.Reports;

/// <summary>
/// The Word plumbing of the report: real styles (Title, Heading1/2, TOC 1/2, Caption, a table style) in the styles part so
/// the navigation pane and the table of contents work, a bullet list, tables that fit the page, PNG images with their
/// alternative text, a footer with the page number. Everything stays editable: no text boxes, no frames, no locked parts.
/// </summary>
public sealed class WordDocumentBuilder : IDisposable
{
    /// <summary>A4 with 2 cm margins: the text width in twentieths of a point.</summary>
    public const int TextWidthTwips = 11906 - (2 * 1134);

    private const long EmuPerTwip = 635;
    private const int BulletNumberingId = 1;
    private readonly MemoryStream _stream = new();
    private readonly WordprocessingDocument _document;
    private readonly Body _body;
    private uint _drawingId = 1;
    private int _bookmarkId;
    private readonly List<(int Level, string Text, string Bookmark)> _headings = [];

    public WordDocumentBuilder(string title, string language = "fr-FR")
    {
        _document = WordprocessingDocument.Create(_stream, WordprocessingDocumentType.Document);
        _document.PackageProperties.Title = title;
        _document.PackageProperties.Language = language;
        var main = _document.AddMainDocumentPart();
        main.Document = new Document(_body = new Body());
        AddStyles(main, language);
        AddNumbering(main);
        AddSettings(main);
    }

    public IReadOnlyList<(int Level, string Text, string Bookmark)> Headings => _headings;

    public Paragraph Paragraph(string text, string? style = null, bool bold = false, JustificationValues? align = null)
    {
        var paragraph = new Paragraph();
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.ParagraphStyleId = new ParagraphStyleId { Val = style };
        }
        if (align is { } a)
        {
            properties.Justification = new Justification { Val = a };
        }
        if (properties.HasChildren)
        {
            paragraph.ParagraphProperties = properties;
        }
        paragraph.Append(TextRun(text, bold));
        _body.Append(paragraph);
        return paragraph;
    }

    public void Heading(int level, string text)
    {
        var bookmark = "_Toc" + (++_bookmarkId).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var id = _bookmarkId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var paragraph = new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Heading" + level.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            new BookmarkStart { Id = id, Name = bookmark },
            TextRun(text),
            new BookmarkEnd { Id = id });
        _body.Append(paragraph);
        _headings.Add((level, text, bookmark));
    }

    public void Bullet(string text)
    {
        _body.Append(new Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = "ListParagraph" },
                new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumberingId })),
            TextRun(text)));
    }

    public void PageBreak() => _body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    public void Spacer(int points = 12) => _body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = (points * 20).ToString(System.Globalization.CultureInfo.InvariantCulture) })));

    /// <summary>A table over the text width: header row repeated on each page, numbers right-aligned, rows kept whole.</summary>
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<double> widths, IReadOnlyList<bool>? numeric = null, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(widths);
        var total = widths.Sum();
        var twips = widths.Select(w => (int)Math.Floor(TextWidthTwips * w / total)).ToList();
        var table = new Table(new TableProperties(
            new TableStyle { Val = "RapportTableau" },
            new TableWidth { Width = TextWidthTwips.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "04A0" }));
        var grid = new TableGrid();
        foreach (var w in twips)
        {
            grid.Append(new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        table.Append(grid);
        table.Append(Row(headers, twips, numeric, header: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, twips, numeric, header: false));
        }
        _body.Append(table);
        if (caption is not null)
        {
            Paragraph(caption, "Caption");
        }
        else
        {
            Spacer(6);
        }
    }

    /// <summary>A PNG over the text width (or less), inline, with its alternative text (descr) for screen readers.</summary>
    public void Image(byte[] png, int pixelWidth, int pixelHeight, string name, string altText, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(png);
        var main = _document.MainDocumentPart!;
        var part = main.AddImagePart(ImagePartType.Png);
        using (var input = new MemoryStream(png))
        {
            part.FeedData(input);
        }
        var relationship = main.GetIdOfPart(part);
        var cx = TextWidthTwips * EmuPerTwip;
        var cy = cx * pixelHeight / pixelWidth;
        var id = _drawingId++;
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name, Description = altText },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = id, Name = name + ".png", Description = altText },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        _body.Append(new Paragraph(
            new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }),
            new Run(new Drawing(inline))));
        if (caption is not null)
        {
            Paragraph(caption, "Caption");
        }
    }

    /// <summary>
    /// A TOC field whose cached result lists the headings already written (with links), so the table reads well even
    /// before Word updates it (settings ask Word to update fields on opening; LibreOffice shows the cached result).
    /// </summary>
    public void TableOfContents(OpenXmlElement insertAfter)
    {
        ArgumentNullException.ThrowIfNull(insertAfter);
        var headings = _headings;
        var paragraphs = new List<Paragraph>();
        for (var i = 0; i < headings.Count; i++)
        {
            var (level, text, bookmark) = headings[i];
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TOC" + level.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            if (i == 0)
            {
                paragraph.Append(
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new Run(new FieldCode(" TOC \\o \"1-2\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
            }
            paragraph.Append(new Hyperlink(TextRun(text)) { Anchor = bookmark, History = true });
            if (i == headings.Count - 1)
            {
                paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            }
            paragraphs.Add(paragraph);
        }
        OpenXmlElement anchor = insertAfter;
        foreach (var paragraph in paragraphs)
        {
            anchor = anchor.InsertAfterSelf(paragraph);
        }
    }

    public Paragraph Marker()
    {
        var paragraph = new Paragraph();
        _body.Append(paragraph);
        return paragraph;
    }

    /// <summary>Closes the document: footer with "title — page n", A4 section, and returns the bytes.</summary>
    public byte[] Finish(string footerText)
    {
        var main = _document.MainDocumentPart!;
        var footerPart = main.AddNewPart<FooterPart>();
        footerPart.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }),
            TextRun(footerText + " — page "),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        _body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footerPart) },
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U },
            new TitlePage()));
        main.Document.Save();
        _document.Dispose();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }

    private static Run TextRun(string text, bool bold = false)
    {
        var run = new Run();
        if (bold)
        {
            run.RunProperties = new RunProperties(new Bold());
        }
        run.Append(new Text(Core.Common.XmlText.Strip(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static TableRow Row(IReadOnlyList<string> cells, List<int> twips, IReadOnlyList<bool>? numeric, bool header)
    {
        var row = new TableRow(new TableRowProperties(header ? new TableHeader() : new CantSplit()));
        for (var i = 0; i < twips.Count; i++)
        {
            var text = i < cells.Count ? cells[i] : string.Empty;
            var right = numeric is not null && i < numeric.Count && numeric[i];
            var paragraph = new Paragraph(
                new ParagraphProperties(
                    new ParagraphStyleId { Val = "TableText" },
                    new Justification { Val = right ? JustificationValues.Right : JustificationValues.Left }),
                TextRun(text, bold: header));
            var cellProperties = new TableCellProperties(new TableCellWidth { Width = twips[i].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (header)
            {
                cellProperties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "1F6F8B" });
            }
            row.Append(new TableCell(cellProperties, paragraph));
        }
        return row;
    }

    private static void AddSettings(MainDocumentPart main)
    {
        var part = main.AddNewPart<DocumentSettingsPart>();
        part.Settings = new Settings(
            new DefaultTabStop { Val = 708 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new UpdateFieldsOnOpen { Val = true },
            new ThemeFontLanguages { Val = "fr-FR" });
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.HybridMultilevel },
                new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "•" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }),
                    new NumberingSymbolRunProperties(new RunFonts { Ascii = "Liberation Sans", HighAnsi = "Liberation Sans" }))
                { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumberingId });
    }

    private static void AddStyles(MainDocumentPart main, string language)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        const string font = "Liberation Sans";
        const string accent = "1F6F8B";
        static Style Paragraph(string id, string name, string? basedOn, int? outline, params OpenXmlElement[] children)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            style.Append(new StyleName { Val = name });
            if (basedOn is not null)
            {
                style.Append(new BasedOn { Val = basedOn });
            }
            style.Append(new NextParagraphStyle { Val = "Normal" });
            style.Append(new PrimaryStyle());
            var pPr = children.OfType<StyleParagraphProperties>().FirstOrDefault() ?? new StyleParagraphProperties();
            if (outline is { } level)
            {
                pPr.Append(new OutlineLevel { Val = level });
            }
            style.Append(pPr);
            foreach (var rPr in children.OfType<StyleRunProperties>())
            {
                style.Append(rPr);
            }
            return style;
        }

        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = font, HighAnsi = font, ComplexScript = font, EastAsia = font },
                    new FontSize { Val = "21" },
                    new FontSizeComplexScript { Val = "21" },
                    new Languages { Val = language })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Paragraph("Title", "Title", "Normal", null,
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "2400", After = "240" }),
                new StyleRunProperties(new Bold(), new Color { Val = accent }, new FontSize { Val = "56" }, new FontSizeComplexScript { Val = "56" })),
            Paragraph("Subtitle", "Subtitle", "Normal", null,
                new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }),
                new StyleRunProperties(new Color { Val = "404040" }, new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" })),
            Paragraph("Heading1", "heading 1", "Normal", 0,
                new StyleParagraphProperties(new KeepNext(), new KeepLines(), new PageBreakBefore(),
                    new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 4, Color = accent }),
                    new SpacingBetweenLines { Before = "360", After = "160" }),
                new StyleRunProperties(new Bold(), new Color { Val = accent }, new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" })),
            Paragraph("Heading2", "heading 2", "Normal", 1,
                new StyleParagraphProperties(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "240", After = "120" }),
                new StyleRunProperties(new Bold(), new Color { Val = "2E4053" }, new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" })),
            Paragraph("TOCHeading", "TOC Heading", "Heading1", null),
            Paragraph("TOC1", "toc 1", "Normal", null,
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "120", After = "60" }),
                new StyleRunProperties(new Bold())),
            Paragraph("TOC2", "toc 2", "Normal", null,
                new StyleParagraphProperties(new SpacingBetweenLines { After = "40" }, new Indentation { Left = "440" })),
            Paragraph("Caption", "caption", "Normal", null,
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "60", After = "240" }),
                new StyleRunProperties(new Italic(), new Color { Val = "595959" }, new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
            Paragraph("ListParagraph", "List Paragraph", "Normal", null,
                new StyleParagraphProperties(new SpacingBetweenLines { After = "60" }, new Indentation { Left = "720" })),
            Paragraph("TableText", "Texte de tableau", "Normal", null,
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "20", After = "20", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
                new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
            Paragraph("Footer", "footer", "Normal", null,
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }),
                new StyleRunProperties(new Color { Val = "808080" }, new FontSize { Val = "16" }, new FontSizeComplexScript { Val = "16" })),
            new Style(
                new StyleName { Val = "Tableau du rapport" },
                new BasedOn { Val = "TableNormal" },
                new StyleTableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4, Color = "BFBFBF" },
                        new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "BFBFBF" },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "BFBFBF" }),
                    new TableCellMarginDefault(
                        new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })),
                new TableStyleProperties(new RunPropertiesBaseStyle(new Color { Val = "FFFFFF" })) { Type = TableStyleOverrideValues.FirstRow })
            { Type = StyleValues.Table, StyleId = "RapportTableau" },
            new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(),
                new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
        part.Styles = styles;
    }
}
