using System.Collections.Immutable;

namespace ServiceCommitments.Calendars.Notices;

/// <summary>
/// What a holiday set was made of, when it was made of notices: the set they extend (null for a set of notices alone)
/// and the texts, in the order given. A calendar document writes such a set back as <c>notices</c> and <c>supplements</c>.
/// </summary>
internal sealed record NoticeSources(HolidaySet? Base, ImmutableArray<string> Notices, ImmutableArray<string> Supplements)
{
    internal NoticeSources AddNotice(string text) => this with { Notices = Notices.Add(text) };

    internal NoticeSources AddSupplement(string text) => this with { Supplements = Supplements.Add(text) };
}
