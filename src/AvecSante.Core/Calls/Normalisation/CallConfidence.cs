namespace AvecSante.Core.Calls.Normalisation;

/// <summary>How sure the reader is of one field.</summary>
public enum Confidence
{
    Low,
    Medium,
    High,
}

/// <summary>
/// Confidence per field, and whether a call is held "à vérifier": no evidence for the deadline, structured data and
/// text disagreeing, a funder the reader could not name, or a page that is not clearly a funding call.
/// </summary>
public static class CallConfidence
{
    /// <summary>The reason given when no funder could be named; a source's configured funder answers it.</summary>
    public const string UnknownFunderReason = "Financeur non identifié.";

    public static NormalisedCall Assess(NormalisedCall call, DeadlineResult deadline)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(deadline);
        var reasons = new List<string>();
        var deadlineConfidence = DeadlineConfidence(call, deadline, reasons);
        var funderConfidence = call.Funder.Kind switch
        {
            FunderKind.Unknown => Confidence.Low,
            FunderKind.Other => Confidence.Medium,
            _ => Confidence.High,
        };
        if (funderConfidence == Confidence.Low)
        {
            reasons.Add(UnknownFunderReason);
        }
        if (!call.IsFundingCall)
        {
            reasons.Add("Ce n'est peut-être pas un appel à financement" + (call.NotFundingReason is { } why ? $" ({why})." : "."));
        }
        return call with
        {
            DeadlineConfidence = deadlineConfidence,
            FunderConfidence = funderConfidence,
            NeedsReview = reasons.Count > 0,
            ReviewReasons = reasons,
        };
    }

    private static Confidence DeadlineConfidence(NormalisedCall call, DeadlineResult deadline, List<string> reasons)
    {
        if (call.Deadline is null)
        {
            if (call.IsRolling)
            {
                return call.DeadlineDisagreement is null ? Confidence.High : Confidence.Medium;
            }
            reasons.Add("Aucune date limite trouvée dans le texte.");
            return Confidence.Low;
        }
        if (call.DeadlineDisagreement is { } disagreement)
        {
            reasons.Add(disagreement);
            return Confidence.Low;
        }
        var chosen = deadline.Sessions.FirstOrDefault(s => s.Instant == call.Deadline);
        if (chosen is null)
        {
            return Confidence.Medium;
        }
        if (chosen.Strength <= 1)
        {
            reasons.Add("Date limite déduite d'une date sans mot qui l'annonce : " + chosen.Evidence);
            return Confidence.Low;
        }
        return chosen.Strength >= 4 && !chosen.YearInferred ? Confidence.High : Confidence.Medium;
    }
}
