using System.Globalization;
using System.Text.RegularExpressions;

using AvecSante.Core.Common;

namespace AvecSante.Core.Calls.Normalisation;

/// <summary>
/// Reads the deadline of a call from French free text, in Europe/Paris, keeping the phrase it came from.
/// Every date of the text is found, then qualified by the words just before it (within its sentence, after the
/// previous date): "date limite", "jusqu'au", "au plus tard", "avant"… make a closing date; "lettre d'intention",
/// "webinaire", "pré-inscription" an intermediate one; "ouverture", "mis à jour le" an opening one; anything else
/// (a law, a committee, the period of the action) is ignored.
/// </summary>
/// <remarks>
/// Times: a date without a time closes at 23:59 Paris that day; "midi" is 12:00; "minuit" written after a date
/// ("le 14 février à minuit") is read as the end of that day, 23:59, not 00:00 of the day itself: that is what French
/// administrations mean, and it keeps the date the reader sees. We use 23:59 rather than 24:00 so the date stays the same.
/// </remarks>
public static partial class DeadlineExtractor
{
    private static readonly TimeOnly EndOfDay = new(23, 59);
    private const int WindowLength = 100;

    /// <summary>How far after a date its time or "inclus" is looked for: a bounded window keeps the scan linear.</summary>
    private const int AfterDateLength = 80;

    /// <summary>The most dates read in one text: the work per date is bounded, and so is their number.</summary>
    private const int MaxMentions = 1000;

    public static DeadlineResult Extract(string text) => Extract(text, new DeadlineHints());

    public static DeadlineResult Extract(string text, DeadlineHints hints)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(hints);
        return Extract([text], hints);
    }

    /// <summary>
    /// Reads several texts in order of trust (the page, then the call's own attached documents): a later text is read
    /// only when the earlier ones give no closing date and no rolling wording.
    /// </summary>
    public static DeadlineResult Extract(IReadOnlyList<string> textsByTrust, DeadlineHints hints)
    {
        ArgumentNullException.ThrowIfNull(textsByTrust);
        ArgumentNullException.ThrowIfNull(hints);
        return Extract(textsByTrust, hints, null);
    }

    /// <param name="textsByTrust">The texts, most trusted first.</param>
    /// <param name="hints">Publication, structured date, now.</param>
    /// <param name="firstFolded">The first text already folded (the normaliser folds the page once for every extractor).</param>
    internal static DeadlineResult Extract(IReadOnlyList<string> textsByTrust, DeadlineHints hints, string? firstFolded)
    {
        var phrases = new List<DatedPhrase>();
        string? rolling = null;
        for (var t = 0; t < textsByTrust.Count; t++)
        {
            var text = textsByTrust[t];
            var found = Read(text, t == 0 && firstFolded is not null ? firstFolded : FrenchText.FoldSameLength(text), hints, out var rollingHere);
            rolling ??= rollingHere;
            phrases.AddRange(found);
            if (rolling is not null || found.Exists(p => p.Role == DateRole.Final))
            {
                break;
            }
        }
        return Decide(phrases, rolling, hints);
    }

    private static DeadlineResult Decide(List<DatedPhrase> phrases, string? rolling, DeadlineHints hints)
    {
        var sessions = phrases
            .Where(p => p.Role == DateRole.Final)
            .GroupBy(p => (p.Date, p.Department))
            .Select(Merge)
            .OrderBy(p => p.Instant)
            .ToList();
        var intermediate = phrases
            .Where(p => p.Role == DateRole.Intermediate)
            .GroupBy(p => p.Date)
            .Select(g => g.First())
            .OrderBy(p => p.Instant)
            .ToList();

        // A call that states only its first step ("Note d'intention — date limite de dépôt : 3 avril 2023"): that step's
        // closing date is the one to act by. Webinars and information sessions never stand in for it.
        var chosen = Choose(sessions, hints)
            ?? (rolling is null ? Choose(intermediate.Where(p => p.Strength >= 3 && FirstStep().IsMatch(FrenchText.FoldSameLength(p.Evidence))).ToList(), hints) : null);
        if (chosen is { Strength: <= 1 } && rolling is not null)
        {
            // "Au fil de l'eau" said in words outweighs a bare date with an hour (often the page's own timestamp).
            chosen = null;
        }
        var result = new DeadlineResult
        {
            Deadline = chosen?.Instant,
            Evidence = chosen?.Evidence,
            HasExplicitTime = chosen?.Time is not null,
            Sessions = sessions,
            Intermediate = intermediate,
            IsRolling = chosen is null && rolling is not null,
            RollingEvidence = chosen is null ? rolling : null,
            StructuredDate = hints.StructuredDate,
        };
        return CheckStructured(result, hints.StructuredDate);
    }

    /// <summary>Several phrases for the same date: the strongest wording wins, and its time when it gives one.</summary>
    private static DatedPhrase Merge(IEnumerable<DatedPhrase> sameDate)
    {
        var all = sameDate.ToList();
        var strongest = all.Max(p => p.Strength);
        var best = all.Where(p => p.Strength == strongest).OrderByDescending(p => p.Time is not null).First();
        var timed = all.Where(p => p.Time is not null).OrderByDescending(p => p.Strength).ThenBy(p => p.Time).FirstOrDefault();
        var pick = best.Time is null && timed is not null ? best with { Time = timed.Time, Instant = timed.Instant } : best;
        return pick with { IsSession = all.Exists(p => p.IsSession) };
    }

    private static DatedPhrase? Choose(List<DatedPhrase> sessions, DeadlineHints hints)
    {
        if (sessions.Count == 0)
        {
            return null;
        }
        IEnumerable<DatedPhrase> pool = sessions;
        if (hints.Department is { } department && sessions.Exists(s => s.Department == department))
        {
            pool = sessions.Where(s => s.Department is null || s.Department == department);
        }
        var candidates = pool.ToList();
        var top = candidates.Max(s => s.Strength);
        var strongest = candidates.Where(s => s.Strength == top).ToList();
        var marked = candidates.Where(s => s.IsSession && s.Strength >= top - 1).ToList();
        if (strongest.Count == 1 && marked.Count <= 1)
        {
            return strongest[0];
        }

        // Several sessions, waves or departments: the next one after "now"; when all are past, the last one (the call is closed).
        var list = strongest.Union(marked).OrderBy(s => s.Instant).ToList();
        var reference = hints.Reference ?? (hints.PublishedOn is { } published ? ParisTime.FromLocal(published.ToDateTime(TimeOnly.MinValue)) : DateTimeOffset.MinValue);
        return list.Find(s => s.Instant >= reference) ?? list[^1];
    }

    private static DeadlineResult CheckStructured(DeadlineResult result, DateOnly? structured)
    {
        if (structured is not { } date)
        {
            return result;
        }
        var shown = date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        if (result.Deadline is not { } deadline)
        {
            if (result.IsRolling)
            {
                return result with { Disagreement = $"La source indique une date limite ({shown}) mais le texte décrit un appel au fil de l'eau : le texte fait foi." };
            }
            return result with
            {
                Deadline = ParisTime.FromLocal(date.ToDateTime(EndOfDay)),
                Evidence = $"date limite fournie par la source : {shown}",
                Disagreement = $"Date limite fournie par la source ({shown}) et non trouvée dans le texte : à vérifier.",
            };
        }
        var textDate = DateOnly.FromDateTime(ParisTime.ToParis(deadline).DateTime);
        if (textDate == date)
        {
            return result;
        }
        var fromText = textDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var otherSession = result.Sessions.Any(s => s.Date == date);
        return result with
        {
            Disagreement = otherSession
                ? $"La date de la source ({shown}) est une autre session du texte ; échéance retenue : {fromText}."
                : $"La date de la source ({shown}) ne correspond pas au texte ({fromText}) : le texte fait foi.",
        };
    }

    private sealed class Mention
    {
        public int Start;
        public int DateEnd;
        public int End;
        public int Day;
        public int Month;
        public int? Year;
        public DayOfWeek? Weekday;
        public TimeOnly? Time;
        public bool RangeStart;
        public bool RangeEnd;
        public Mention? RangePartner;
        public bool Numeric;
        public bool Inferred;
        public bool ClosedRange;

        /// <summary>"10/03/2023 03:10": a page's timestamp, not a deadline unless the words say so.</summary>
        public bool Timestamp;
    }

    private static List<DatedPhrase> Read(string text, string folded, DeadlineHints hints, out string? rolling)
    {
        var rollingMatch = RollingCue().Match(folded);
        rolling = rollingMatch.Success ? FrenchText.Squeeze(text.AsSpan(rollingMatch.Index, rollingMatch.Length)) : null;

        var mentions = FindMentions(folded);
        if (mentions.Count == 0)
        {
            return [];
        }
        LinkRanges(folded, mentions);
        var boundaries = Boundaries(text);
        InferYears(mentions, ContextDate(folded, hints));

        var phrases = new List<DatedPhrase>(mentions.Count);
        var b = 0;
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Year is not { } year || !TryDate(year, m.Month, m.Day, out var date))
            {
                continue;
            }
            while (b < boundaries.Count && boundaries[b] <= m.Start)
            {
                b++;
            }
            var sentenceStart = b > 0 ? boundaries[b - 1] : 0;
            var sentenceEnd = b < boundaries.Count ? Math.Max(boundaries[b], m.End) : folded.Length;
            var previousEnd = i > 0 ? mentions[i - 1].End : 0;
            var around = Surroundings(folded, mentions, i, sentenceStart, sentenceEnd);

            var (role, strength, cueStart) = Qualify(m, around.Window, around.Post, folded, around.Sentence);
            if (role == DateRole.Other && phrases.Count > 0 && phrases[^1] is { Role: DateRole.Final } listed
                && around.WindowStart == previousEnd && previousEnd > sentenceStart && NextInList().IsMatch(around.Window))
            {
                // "Deux clôtures : la première le 27/02/2023 et la seconde le 20/09/2023": the list goes on.
                (role, strength, cueStart) = (DateRole.Final, listed.Strength, 0);
            }
            if (role is DateRole.Opening or DateRole.Other)
            {
                // Only closing and intermediate dates are reported; the rest only served to qualify their neighbours.
                continue;
            }
            phrases.Add(Phrase(text, m, date, (role, strength, cueStart), around));
        }
        return phrases;
    }

    /// <summary>The date a year-less date is read near: the page's publication, the call's year, else today.</summary>
    private static DateOnly? ContextDate(string folded, DeadlineHints hints) =>
        hints.PublishedOn ?? PublicationIn(folded)
            ?? (hints.CallYear is { } callYear ? new DateOnly(callYear, 1, 1) : (DateOnly?)null)
            ?? (hints.Reference is { } r ? DateOnly.FromDateTime(ParisTime.ToParis(r).DateTime) : null);

    /// <summary>
    /// The words that qualify mention i: before it (within its sentence, after the previous date, at most
    /// <see cref="WindowLength"/>), after it (up to the next date), and its sentence.
    /// </summary>
    private static MentionSurroundings Surroundings(string folded, List<Mention> mentions, int i, int sentenceStart, int sentenceEnd)
    {
        var m = mentions[i];
        var previousEnd = i > 0 ? mentions[i - 1].End : 0;
        var windowStart = Math.Max(Math.Max(sentenceStart, previousEnd), m.Start - WindowLength);
        if (m.RangeEnd && m.RangePartner is { } partner)
        {
            // The words before "du … au …" qualify the range's end.
            windowStart = Math.Max(Math.Max(sentenceStart, partner.Start - WindowLength), i > 1 ? mentions[i - 2].End : 0);
        }
        var window = folded[windowStart..m.Start];
        var postEnd = Math.Min(Math.Min(sentenceEnd, m.End + 80), i + 1 < mentions.Count ? mentions[i + 1].Start : folded.Length);
        var post = folded[m.End..Math.Max(m.End, postEnd)];
        var sentence = (Start: Math.Max(sentenceStart, m.Start - 300), End: Math.Min(sentenceEnd, m.End + 300));
        return new MentionSurroundings(windowStart, window, post, sentence);
    }

    /// <summary>A closing or intermediate date as reported, with the phrase it came from.</summary>
    private static DatedPhrase Phrase(string text, Mention m, DateOnly date, (DateRole Role, int Strength, int CueStart) qualified, MentionSurroundings around)
    {
        var department = DepartmentOf(around.Window) ?? DepartmentOf(around.Post.Length > 40 ? around.Post[..40] : around.Post);
        var evidenceStart = m.RangeEnd && m.RangePartner is { } p ? Math.Max(around.WindowStart, p.Start - 3) : around.WindowStart + qualified.CueStart;
        var time = m.Time;
        return new DatedPhrase
        {
            Date = date,
            Time = time,
            Instant = ParisTime.FromLocal(date.ToDateTime(time ?? EndOfDay)),
            Role = qualified.Role,
            Strength = qualified.Strength,
            Evidence = FrenchText.Squeeze(text.AsSpan(evidenceStart, m.End - evidenceStart)).TrimStart(':', '-', ',', ';', ' '),
            IsSession = SessionCue().IsMatch(around.Window) || SessionCue().IsMatch(around.Post),
            Department = department,
            YearInferred = m.Inferred,
        };
    }

    /// <summary>What surrounds a date: the words before it (from WindowStart), after it, and its sentence's span.</summary>
    private readonly record struct MentionSurroundings(int WindowStart, string Window, string Post, (int Start, int End) Sentence);

    private static (DateRole Role, int Strength, int CueStart) Qualify(Mention m, string window, string post, string folded, (int Start, int End) sentence)
    {
        if (m.RangeStart)
        {
            return (DateRole.Opening, 0, window.Length);
        }
        var strength = 0;
        var cueStart = window.Length;
        var cueEnd = -1;
        foreach (var (regex, score) in FinalCues)
        {
            var match = regex.Match(window);
            if (match.Success)
            {
                strength = Math.Max(strength, score);
                cueStart = Math.Min(cueStart, match.Index);
                cueEnd = Math.Max(cueEnd, LastMatch(regex, window));
            }
        }
        if (m.RangeEnd && m.ClosedRange && SubmissionWord().IsMatch(folded.AsSpan(sentence.Start, sentence.End - sentence.Start)))
        {
            strength = Math.Max(strength, 3);
        }

        var intermediate = IntermediateCue().Match(window);
        if (intermediate.Success || IntermediateAfter().IsMatch(post))
        {
            var start = intermediate.Success ? Math.Min(cueStart, intermediate.Index) : cueStart;
            return (DateRole.Intermediate, strength, start == window.Length ? 0 : start);
        }
        var opening = LastMatch(OpeningCue(), window);
        if (opening >= 0 && (strength == 0 || opening > cueEnd))
        {
            return (DateRole.Opening, 0, opening);
        }
        if (strength == 0 && m.Time is not null && opening < 0 && !OtherCue().IsMatch(window) && !m.Timestamp)
        {
            // A bare date with a closing hour ("10 août 2025 (minuit)") is a deadline, the weakest kind.
            return (DateRole.Final, 1, window.Length);
        }
        if (strength == 0 || (OtherCue().IsMatch(window) && !SubmissionWord().IsMatch(window)))
        {
            return (DateRole.Other, 0, window.Length);
        }
        if (Conditional().IsMatch(folded.AsSpan(sentence.Start, sentence.End - sentence.Start)))
        {
            strength = Math.Max(1, strength - 1);
        }
        return (DateRole.Final, strength, cueStart);
    }

    private static int LastMatch(Regex regex, string text)
    {
        var last = -1;
        for (var match = regex.Match(text); match.Success; match = match.NextMatch())
        {
            last = match.Index;
        }
        return last;
    }

    private static string? DepartmentOf(string text)
    {
        string? found = null;
        for (var match = DepartmentCue().Match(text); match.Success; match = match.NextMatch())
        {
            found = match.Groups["c22"].Success ? "22" : match.Groups["c29"].Success ? "29" : match.Groups["c35"].Success ? "35" : "56";
        }
        return found;
    }

    /// <summary>
    /// The weekday written just before a date ("vendredi 9 janvier"). Looked up backwards rather than in the date
    /// pattern, so the pattern starts with a digit and the scan stays fast.
    /// </summary>
    private static (DayOfWeek? Day, int Start) WeekdayBefore(string folded, int dateStart)
    {
        var from = Math.Max(0, dateStart - 12);
        var match = WeekdayEnding().Match(folded, from, dateStart - from);
        return match.Success ? (Weekday(match.Groups["wd"].Value), match.Index) : (null, dateStart);
    }

    private static List<Mention> FindMentions(string folded)
    {
        var mentions = DatesIn(folded);
        var kept = new List<Mention>(mentions.Count);
        foreach (var m in mentions)
        {
            if (m.Month is < 1 or > 12 || m.Day is < 1 or > 31 || (kept.Count > 0 && m.Start < kept[^1].DateEnd))
            {
                continue;
            }
            ReadTimeAfter(folded, m);
            kept.Add(m);
        }
        return kept;
    }

    /// <summary>Every written, numeric and ISO date of the text, in order, at most <see cref="MaxMentions"/>.</summary>
    private static List<Mention> DatesIn(string folded)
    {
        var mentions = new List<Mention>();
        for (var match = WrittenDate().Match(folded); match.Success; match = match.NextMatch())
        {
            var (weekday, start) = WeekdayBefore(folded, match.Index);
            mentions.Add(new Mention
            {
                Start = start,
                DateEnd = match.Index + match.Length,
                Day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture),
                Month = MonthNumber(match.Groups["month"].Value),
                Year = match.Groups["year"].Success ? Year(match.Groups["year"].Value) : null,
                Weekday = weekday,
            });
        }
        for (var match = NumericDate().Match(folded); match.Success; match = match.NextMatch())
        {
            var (weekday, start) = WeekdayBefore(folded, match.Index);
            mentions.Add(new Mention
            {
                Start = start,
                DateEnd = match.Index + match.Length,
                Day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture),
                Month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture),
                Year = Year(match.Groups["year"].Value),
                Weekday = weekday,
                Numeric = true,
            });
        }
        for (var match = IsoDate().Match(folded); match.Success; match = match.NextMatch())
        {
            mentions.Add(new Mention
            {
                Start = match.Index,
                DateEnd = match.Index + match.Length,
                Day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture),
                Month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture),
                Year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture),
                Numeric = true,
            });
        }
        mentions.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        if (mentions.Count > MaxMentions)
        {
            // A call gives tens of dates, a programme a few hundred: past that, the rest of the text is not read.
            mentions.RemoveRange(MaxMentions, mentions.Count - MaxMentions);
        }
        return mentions;
    }

    /// <summary>The time ("à 12h", "midi", "minuit") or "inclus" just after a date: where its mention ends.</summary>
    private static void ReadTimeAfter(string folded, Mention m)
    {
        var time = TimeAfter().Match(folded, m.DateEnd, Math.Min(AfterDateLength, folded.Length - m.DateEnd));
        m.End = m.DateEnd;
        if (time.Success)
        {
            m.End = time.Index + time.Length;
            m.Timestamp = m.Numeric && time.Value.Contains(':', StringComparison.Ordinal);
            m.Time = time.Groups["noon"].Success ? new TimeOnly(12, 0)
                : time.Groups["midnight"].Success ? EndOfDay
                : new TimeOnly(int.Parse(time.Groups["h"].Value, CultureInfo.InvariantCulture), time.Groups["mi"].Success ? int.Parse(time.Groups["mi"].Value, CultureInfo.InvariantCulture) : 0);
        }
        else
        {
            var inclusive = Inclusive().Match(folded, m.DateEnd, Math.Min(AfterDateLength, folded.Length - m.DateEnd));
            if (inclusive.Success)
            {
                m.End = inclusive.Index + inclusive.Length;
            }
        }
    }

    /// <summary>"du 1er octobre au 6 décembre 2024": the first date opens, the second closes, and lends its year.</summary>
    private static void LinkRanges(string folded, List<Mention> mentions)
    {
        for (var i = 1; i < mentions.Count; i++)
        {
            var first = mentions[i - 1];
            var second = mentions[i];
            if (first.RangeEnd || second.Start - first.End > 30 || !RangeConnector().IsMatch(folded.AsSpan(first.End, second.Start - first.End)))
            {
                continue;
            }
            var before = folded.AsSpan(Math.Max(0, first.Start - 20), first.Start - Math.Max(0, first.Start - 20));
            if (!RangeOpener().IsMatch(before))
            {
                continue;
            }
            first.RangeStart = true;
            second.RangeEnd = true;
            // "entre le … et le …" is a period (of the action, of an event); "du … au …" may be the application window.
            second.ClosedRange = !EtConnector().IsMatch(folded.AsSpan(first.End, second.Start - first.End));
            second.RangePartner = first;
            if (first.Year is null && second.Year is { } year)
            {
                first.Year = first.Month > second.Month ? year - 1 : year;
                first.Inferred = true;
            }
        }
    }

    private static void InferYears(List<Mention> mentions, DateOnly? context)
    {
        var known = new Dictionary<(int Month, int Day), int>();
        foreach (var m in mentions)
        {
            if (m.Year is { } y)
            {
                known.TryAdd((m.Month, m.Day), y);
            }
        }
        (int Month, int Year)? previous = null;
        foreach (var m in mentions)
        {
            if (m.Year is { } y)
            {
                previous = (m.Month, y);
                continue;
            }
            m.Inferred = true;
            if (known.TryGetValue((m.Month, m.Day), out var sameDay))
            {
                m.Year = sameDay;
            }
            else if (context is { } ctx)
            {
                m.Year = NextOccurrence(ctx, m.Month, m.Day, m.Weekday);
            }
            else if (previous is { } p)
            {
                m.Year = m.Month < p.Month ? p.Year + 1 : p.Year;
            }
        }
    }

    /// <summary>The first such day on or after the context date; a weekday given with it picks the year that matches.</summary>
    private static int NextOccurrence(DateOnly context, int month, int day, DayOfWeek? weekday)
    {
        var year = context.Year;
        if (!TryDate(year, month, day, out var date) || date < context)
        {
            year++;
        }
        if (weekday is { } wd)
        {
            // "mercredi 29 mai": the nearest year where 29 May is a Wednesday (one comes within six years either way).
            for (var offset = 0; offset <= 6; offset++)
            {
                foreach (var candidate in offset == 0 ? [year] : new[] { year + offset, year - offset })
                {
                    if (TryDate(candidate, month, day, out var d) && d.DayOfWeek == wd)
                    {
                        return candidate;
                    }
                }
            }
        }
        return year;
    }

    private static DateOnly? PublicationIn(string folded)
    {
        var match = PublicationMarker().Match(folded);
        if (!match.Success)
        {
            return null;
        }
        var year = Year(match.Groups["year"].Value);
        return TryDate(year, int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture), out var date) ? date : null;
    }

    private static List<int> Boundaries(string text)
    {
        var list = new List<int>();
        for (var match = Boundary().Match(text); match.Success; match = match.NextMatch())
        {
            list.Add(match.Index + match.Length);
        }
        return list;
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Year(string text)
    {
        var year = int.Parse(text, CultureInfo.InvariantCulture);
        return year < 100 ? 2000 + year : year;
    }

    /// <summary>A whole French date with its year ("1er avril 2022"), folded; null when the text is anything else.</summary>
    internal static DateOnly? ParseFrenchDate(string folded)
    {
        var match = WrittenDate().Match(folded.Trim());
        if (!match.Success || match.Index != 0 || match.Length != folded.Trim().Length || !match.Groups["year"].Success)
        {
            return null;
        }
        var (day, month, year) = (int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture), MonthNumber(match.Groups["month"].Value), Year(match.Groups["year"].Value));
        return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static int MonthNumber(string month) => month[..3] switch
    {
        "jan" => 1,
        "fev" => 2,
        "mar" => 3,
        "avr" => 4,
        "mai" => 5,
        "jui" => month.StartsWith("juil", StringComparison.Ordinal) ? 7 : 6,
        "aou" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };

    private static DayOfWeek Weekday(string name) => name switch
    {
        "lundi" => DayOfWeek.Monday,
        "mardi" => DayOfWeek.Tuesday,
        "mercredi" => DayOfWeek.Wednesday,
        "jeudi" => DayOfWeek.Thursday,
        "vendredi" => DayOfWeek.Friday,
        "samedi" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    private static readonly (Regex Regex, int Score)[] FinalCues = [(StrongCue(), 5), (UntilCue(), 4), (BeforeCue(), 3)];

    // All patterns but Boundary run on folded text (lower case, no accents, ASCII apostrophes and spaces), hence FoldedOptions.

    [GeneratedRegex(@"(?<!\w)(?<day>[0-3]?\d)(?:\s?(?:er|eme|e)(?!\w))?\s{0,3}(?<month>janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janv\.|fevr?\.|avr\.|juil\.|sept\.|oct\.|nov\.|dec\.)(?:\s{1,3}(?<year>(?:19|20)\d\d|[2-3]\d)(?![\d:]|\s{0,3}h\b|\s{0,3}h\d))?(?!\w)", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"(?<![\w/.])(?<day>[0-3]?\d)[/.](?<month>[01]?\d)[/.](?<year>(?:19|20)\d\d|\d\d)(?![\w/]|\.\d)", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<!\w)(?<wd>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s{1,3}\z", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex WeekdayEnding();

    [GeneratedRegex(@"(?<![\w-])(?<year>20\d\d)-(?<month>[01]\d)-(?<day>[0-3]\d)(?![\w-])", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\G(?:\s{0,3}\(?\s{0,3}inclus(?:e|es)?\s{0,3}\)?)?\s{0,3}[,-]?\s{0,3}\(?\s{0,3}(?:(?:a|avant|jusqu'a)\s{1,3})?(?:(?<h>[01]?\d|2[0-3])\s{0,3}(?:h|heures?)\s{0,3}(?<mi>[0-5]\d)?(?!\d)|(?<h>[01]?\d|2[0-3]):(?<mi>[0-5]\d)|(?<noon>midi)(?!\w)|(?<midnight>minuit)(?!\w))\)?(?:\s{0,3}\(\s{0,3}heure (?:de paris|francaise|locale|de france metropolitaine)\s*\))?", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex TimeAfter();

    [GeneratedRegex(@"\G\s{0,3}\(?\s{0,3}inclus(?:e|es)?\s{0,3}\)?", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex Inclusive();

    [GeneratedRegex(@"[.!?](?=\s|\p{Lu})|;|\n[ \t\u00A0]*\n", RegexOptions.CultureInvariant, FrenchText.MatchTimeoutMilliseconds)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"\b(?:notes? d'intention|lettres? d'intention|pre-?inscription|pre-?candidature|pre-?projet|dossier de pre)", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex FirstStep();

    [GeneratedRegex(@"\A\s{0,3}(?:,|;|et|puis|ou)\s{0,3}(?:la |le )?(?:seconde|deuxieme|troisieme|derniere|suivante|second|dernier)?\s{0,3}(?:le |au |a )?\s{0,3}\z", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex NextInList();

    [GeneratedRegex(@"\bdates?[ -]limites?\b|\bdate de (?:cloture|fin)\b|\bclotur|\bdelai (?:maximal|maximum|de reponse|de depot|de rigueur)\b|\bechean|\bau[ -]dela de la date\b|\bdate butoir\b|\blimite de (?:depot|reception|remise|transmission|candidature)|\bfin (?:de depot|des depots|des candidatures|de l'appel|des inscriptions)\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex StrongCue();

    [GeneratedRegex(@"\bau plus tard\b|\bjusqu'?(?:au|a|aux)\b|\bd'ici (?:au|le|a)\b|\bouvert(?:e|es|s)? jusqu", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex UntilCue();

    [GeneratedRegex(@"\b(?:depots?|remise|envois?|reception|retours?|transmission)s? des (?:dossiers|candidatures|projets|propositions|reponses|demandes)(?: de candidature)?\s{0,3}:?\s{0,3}(?:le|au|avant le)?\s{0,3}$|\bavant\b|\bpour le\b|\b(?:deposer|envoyer|renvoyer|transmettre|adresser|remettre|retourner|deposes?|deposees?|envoyes?|envoyees?|transmis(?:es?)?|remis(?:es?)?|retournes?|attendu(?:e|es|s)?|recu(?:e|es|s)?)\s{1,3}(?:le|au)\s{0,3}$", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex BeforeCue();

    [GeneratedRegex(@"lettres? d'intention|intentions? de (?:candidat|candidature|depot|repondre)|note d'intention|pre-?inscri|inscription prealable|pre-?candidature|pre-?depot|webinaires?|webinars?|reunions? d'information|sessions? d'information|seances? d'information|information collective|reunion de presentation|prise de contact|prendre contact|questions? (?:peuvent|doivent|sont|seront|a poser|jusqu)|poser (?:vos|des|les|toutes? (?:vos )?)questions|foire aux questions", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex IntermediateCue();

    [GeneratedRegex(@"\A\s*[),:-]?\s*(?:\(|pour (?:la |le |les |l')?|:)?\s*(?:lettres? d'intention|intentions? de|note d'intention|pre-?inscri|inscription prealable|pre-?candidature|webinaire|webinar|reunions? d'information|sessions? d'information|seances? d'information|prise de contact)", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex IntermediateAfter();

    [GeneratedRegex(@"\bouverture\b|\bouvert(?:e|es|s)? (?:le|a partir|des)\b|\ba partir d[ue]\b|\ba compter d[ue]\b|\bdes le\b|\bdepuis le\b|\blance(?:e|es|ment)? le\b|\bpublie(?:e|es)?\b|\bmis(?:e)? a jour\b|\bmise en ligne\b|\bdebut (?:de depot|des depots|des candidatures|des inscriptions)\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex OpeningCue();

    [GeneratedRegex(@"\bresultats?\b|\bnotifi|\bjury\b|\blaureats?\b|\bcomite\b|\bcommission\b|\baudition|\bversement|\bconventionnement|\bdemarr|\bdebut de l'action|\brealise|\bmis(?:e)? en oeuvre|\bse derouler|\bderoulera|\bentree en vigueur|\bloi\b|\barrete\b|\bdecret\b|\bdeliber|\bconseil (?:de paris|regional|municipal|departemental|d'administration)\b|\bexercice\b|\bevenement\b|\bmanifestation (?:aura|se tiendra)|\bdecisions?\b|\bselection (?:des|finale)|\binstruction\b|\bdebut (?:du|des) projets?\b|\bdemarrage\b|\bremise des prix\b|\bceremonie\b|\bannonce (?:des|du)\b|\bpublication des\b|\bsoutenances?\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex OtherCue();

    [GeneratedRegex(@"candidat|dossier|depos|depot|soumettre|soumission|envoy|renvoy|transmettre|transmission|postuler|inscri|reponse|repondre|ouvert|demande", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex SubmissionWord();

    [GeneratedRegex(@"\bsous reserve\b|\beventuel(?:le)?\b|\bsi (?:les|des) credits\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex Conditional();

    [GeneratedRegex(@"\bsessions?\b|\bfenetres?\b|\bperiodes? de depot\b|\bvagues?\b|\breleves?\b|\btours?\b|pour (?:une presentation|un passage|examen)|\bcp (?:de|du)\b|\bcommission permanente\b|\bcomite\b|\bcampagne\b|\bappel n", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex SessionCue();

    [GeneratedRegex(@"(?<c22>\bcotes[ -]d'armor\b|\(22\)|\bdepartement 22\b)|(?<c29>\bfinistere\b|\(29\)|\bdepartement 29\b)|(?<c35>\bille[ -]et[ -]vilaine\b|\(35\)|\bdepartement 35\b)|(?<c56>\bmorbihan\b|\(56\)|\bdepartement 56\b)", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex DepartmentCue();

    [GeneratedRegex(@"\A\s*(?:au|a|jusqu'au|jusqu'a|-|et le|et)\s*\z", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex RangeConnector();

    [GeneratedRegex(@"\bet(?: le)?\s*\z", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex EtConnector();

    [GeneratedRegex(@"(?:\bdu|\bdepuis le|\bentre le|\bde|\bdes le)\s*\z", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex RangeOpener();

    [GeneratedRegex(@"\bau fil de l'eau\b|\btout au long de l'annee\b|\btoute l'annee\b|\bsans date limite\b|\bpas de date limite\b|\baucune date limite\b|\ben continu\b|\bappel (?:a projets )?permanent\b|\bdepot permanent\b|\bde (?:maniere|facon) permanente\b|\ba tout moment\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex RollingCue();

    [GeneratedRegex(@"\b(?:publie(?:e)?|date de publication|mis(?:e)? en ligne|mis(?:e)? a jour)\s{0,3}(?:le|:)?\s{0,3}(?<day>[0-3]?\d)[/.](?<month>[01]?\d)[/.](?<year>(?:19|20)\d\d|\d\d)\b", FrenchText.FoldedOptions, FrenchText.MatchTimeoutMilliseconds, FrenchText.FoldedCulture)]
    private static partial Regex PublicationMarker();
}
