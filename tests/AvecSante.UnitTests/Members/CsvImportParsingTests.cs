using System.Text;
using AvecSante.Core.Common;
using AvecSante.Core.Members.Import;

namespace AvecSante.UnitTests.Members;

public sealed class CsvImportParsingTests
{
    private static byte[] Utf8(string text, bool bom = false) =>
        [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public void Semicolon_separated_utf8_with_a_BOM_is_read_with_quotes_and_embedded_separators()
    {
        var records = CsvText.Read(Utf8("Prénom;Nom;Commune\r\nMaëlle;\"Le Gall; fille\";Plouguerneau\r\n", bom: true));

        Assert.Equal(2, records.Count);
        Assert.Equal(["Prénom", "Nom", "Commune"], records[0].Fields);
        Assert.Equal(["Maëlle", "Le Gall; fille", "Plouguerneau"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
    }

    [Fact]
    public void A_Windows_1252_line_among_utf8_lines_is_decoded_on_its_own()
    {
        byte[] content = [.. Utf8("Prénom;Nom\nAnaïs;Prigent\n"), .. CsvText.Windows1252.GetBytes("Gaëlle;Le Bréton\n"), .. Utf8("Zoé;Tanguy")];

        var records = CsvText.Read(content);

        Assert.Equal(["Gaëlle", "Le Bréton"], records[2].Fields);
        Assert.True(records[2].Windows1252);
        Assert.False(records[1].Windows1252);
        Assert.Equal(["Zoé", "Tanguy"], records[3].Fields);
    }

    [Fact]
    public void A_whole_Windows_1252_file_is_read()
    {
        var records = CsvText.Read(CsvText.Windows1252.GetBytes("Prénom;Commune\r\nGwénaëlle;Pléneuf-Val-André\r\n"));

        Assert.Equal(["Gwénaëlle", "Pléneuf-Val-André"], records[1].Fields);
    }

    [Fact]
    public void A_quoted_field_may_span_lines_and_blank_lines_are_skipped()
    {
        var records = CsvText.Read(Utf8("A;B\n\n\"ligne 1\nligne 2\";x\n"));

        Assert.Equal(2, records.Count);
        Assert.Equal(["ligne 1\nligne 2", "x"], records[1].Fields);
        Assert.Equal(3, records[1].Line);
    }

    [Fact]
    public void Written_cells_are_quoted_when_needed_and_formulas_are_defused()
    {
        Assert.Equal("a;\"b;c\";\"d\"\"e\";'=SOMME(A1);+33 6 12 34 56 78", CsvText.Line(["a", "b;c", "d\"e", "=SOMME(A1)", "+33 6 12 34 56 78"]));
    }

    [Theory]
    [InlineData("Prénom", ImportColumns.FirstName)]
    [InlineData("E-mail", ImportColumns.Email)]
    [InlineData("Courriel", ImportColumns.Email)]
    [InlineData("Date d'adhésion", ImportColumns.JoinedOn)]
    [InlineData("N° SIRET", ImportColumns.Siret)]
    [InlineData("Ville", ImportColumns.Commune)]
    [InlineData("Montant cotisation", ImportColumns.Amount)]
    [InlineData("DÉPARTEMENT", ImportColumns.Department)]
    public void Headers_are_recognised_by_their_synonyms_without_case_or_accents(string header, string column)
    {
        var (map, ignored, _) = ImportColumns.Map([header, "Couleur préférée"]);

        Assert.Equal(0, map[column]);
        Assert.Equal(["Couleur préférée"], ignored);
    }

    [Theory]
    [InlineData("150,50", 150.50)]
    [InlineData("1 200,00 €", 1200)]
    [InlineData("1.200,5", 1200.5)]
    [InlineData("90", 90)]
    public void Amounts_use_the_decimal_comma(string text, double expected)
    {
        Assert.True(FrenchCells.TryDecimal(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("31/01/2026", true)]
    [InlineData("1/2/2026", true)]
    [InlineData("31/02/2026", false)]
    [InlineData("2026-01-31", false)]
    [InlineData("01/13/2026", false)]
    public void Dates_are_dd_MM_yyyy_and_must_exist(string text, bool valid)
    {
        Assert.Equal(valid, FrenchCells.TryDate(text, out _));
    }

    [Fact]
    public void Exported_numbers_round_trip_through_the_import_parser()
    {
        Assert.Equal("150,50", FrenchCells.Number(150.5m));
        Assert.Equal("150", FrenchCells.Number(150m));
        Assert.True(FrenchCells.TryDecimal(FrenchCells.Number(37.25m), out var back));
        Assert.Equal(37.25m, back);
    }

    [Theory]
    [InlineData("Coordinatrice", "coordinator")]
    [InlineData("CA", "board")]
    [InlineData("salarié", "staff")]
    [InlineData("Porteur de projet", "leader")]
    public void Role_words_of_the_CRM_map_to_roles(string word, string role)
    {
        Assert.Equal(role, FrenchCells.Role(word));
    }
}
