namespace AvecSante.Tests.Shared;

/// <summary>
/// The readings of fixtures/calls/other (<see cref="CallFixtureReadings"/>) as xunit rows: used by the normaliser's unit
/// tests and by the HTTP test of POST /api/calls/preview.
/// </summary>
public static class CallFixtureAnswers
{
    public static readonly DateTimeOffset Now = CallFixtureReadings.Now;

    /// <summary>file, funder, deadline (ISO, Paris offset) or null, evidence substring, themes, funding call.</summary>
    public static TheoryData<string, string, string?, string?, string, bool> Table
    {
        get
        {
            var table = new TheoryData<string, string, string?, string?, string, bool>();
            foreach (var r in CallFixtureReadings.Other)
            {
                table.Add(r.File, r.Funder, r.Deadline, r.Evidence, r.Themes, r.IsFundingCall);
            }
            return table;
        }
    }
}
