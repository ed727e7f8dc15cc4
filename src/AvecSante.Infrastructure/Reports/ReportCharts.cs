using ScottPlot;

namespace AvecSante.Infrastructure.Reports;

/// <summary>A chart to embed: PNG bytes, their pixel size and the alternative text that describes what it shows.</summary>
public sealed record ChartImage(byte[] Png, int Width, int Height, string AltText);

/// <summary>
/// The report's charts, drawn with ScottPlot (Skia) as PNG: big type (they are printed at 16 cm), French labels, values
/// written on the bars so a black-and-white print still reads.
/// </summary>
public static class ReportCharts
{
    private const int Width = 1600;
    private const int Height = 760;
    private static readonly Color Current = Color.FromHex("#1F6F8B");
    private static readonly Color Previous = Color.FromHex("#A9CCE3");

    /// <summary>Vertical bars, year N beside N-1 for each category.</summary>
    public static ChartImage CompareYears(string title, string yLabel, IReadOnlyList<string> categories, IReadOnlyList<double> current, IReadOnlyList<double>? previous, int year, string altText)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(current);
        using var plot = NewPlot(title);
        var bars = new List<Bar>();
        var hasPrevious = previous is not null && previous.Any(v => v > 0);
        for (var i = 0; i < categories.Count; i++)
        {
            if (hasPrevious)
            {
                bars.Add(new Bar { Position = (i * 3) + 0, Value = previous![i], FillColor = Previous, Label = Label(previous[i]) });
            }
            bars.Add(new Bar { Position = (i * 3) + (hasPrevious ? 1 : 0.5), Value = current[i], FillColor = Current, Label = Label(current[i]) });
        }
        var plotted = plot.Add.Bars(bars);
        plotted.ValueLabelStyle.FontSize = 22;
        plot.Axes.Bottom.SetTicks(categories.Select((_, i) => (i * 3) + 0.5).ToArray(), categories.ToArray());
        plot.Axes.Bottom.TickLabelStyle.FontSize = 22;
        plot.Axes.Left.TickLabelStyle.FontSize = 20;
        plot.Axes.Left.TickGenerator = FrenchTicks();
        plot.Axes.Left.Label.Text = yLabel;
        plot.Axes.Left.Label.FontSize = 22;
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Legend.IsVisible = true;
        plot.Legend.FontSize = 22;
        plot.Legend.Alignment = Alignment.UpperRight;
        if (hasPrevious)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = (year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), FillColor = Previous });
        }
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = year.ToString(System.Globalization.CultureInfo.InvariantCulture), FillColor = Current });
        return Render(plot, altText);
    }

    /// <summary>Horizontal bars, longest label readable on the left, biggest value at the top.</summary>
    public static ChartImage Ranking(string title, string xLabel, IReadOnlyList<string> categories, IReadOnlyList<double> values, string altText, Func<double, string>? format = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(values);
        using var plot = NewPlot(title);
        var count = categories.Count;
        var bars = categories.Select((_, i) => new Bar
        {
            Position = count - 1 - i,
            Value = values[i],
            FillColor = Current,
            Label = format is null ? Label(values[i]) : format(values[i]),
        }).ToList();
        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plotted.ValueLabelStyle.FontSize = 22;
        plot.Axes.Left.SetTicks(categories.Select((_, i) => (double)(count - 1 - i)).ToArray(), categories.Select(c => Shorten(c, 34)).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = 22;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 20;
        plot.Axes.Bottom.TickGenerator = FrenchTicks();
        plot.Axes.Bottom.Label.Text = xLabel;
        plot.Axes.Bottom.Label.FontSize = 22;
        plot.Axes.Margins(left: 0, right: 0.15);
        var height = Math.Clamp(180 + (count * 70), 500, 1400);
        return Render(plot, altText, height);
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Font.Set("Liberation Sans");
        plot.Title(title, size: 28);
        plot.Grid.MajorLineColor = Color.FromHex("#E5E5E5");
        return plot;
    }

    /// <summary>Whole numbers only (counts, days), written the French way ("1 200"), not too dense.</summary>
    private static ScottPlot.TickGenerators.NumericAutomatic FrenchTicks() => new()
    {
        IntegerTicksOnly = true,
        MinimumTickSpacing = 60,
        LabelFormatter = v => v.ToString("N0", Core.Reports.FrenchFormat.Culture),
    };

    private static ChartImage Render(Plot plot, string altText, int height = Height)
    {
        var png = plot.GetImageBytes(Width, height, ImageFormat.Png);
        return new ChartImage(png, Width, height, altText);
    }

    private static string Label(double value) => value == 0 ? string.Empty : value.ToString("#,##0.#", Core.Reports.FrenchFormat.Culture);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
