using ServiceCommitments.Inspections;

namespace ServiceCommitments.Documents;

/// <summary>
/// Reads the schedule document of docs/inspections.md, as <see cref="ScheduleShapes"/> declares it, into an
/// <see cref="InspectionSchedule"/>: <c>anchor</c>, <c>phases</c> (or <c>every</c>, or <c>once</c>), <c>includeAnchor</c>,
/// <c>monthEnd</c>, <c>until</c>, <c>count</c>, <c>align</c>, <c>tolerance</c>, <c>shift</c>, <c>notice</c>,
/// <c>followUps</c> and <c>quotas</c>.
/// </summary>
/// <remarks>
/// The reader checks only the document's own business (JSON types, names, text forms); every rule of the schedule is
/// the domain's, reported at the document's paths. Calendars are named from the document's <c>calendars</c>.
/// </remarks>
internal static class ScheduleReader
{
    internal const string What = ScheduleShapes.What;

    internal static InspectionSchedule? Read(DocNode node, DocumentContext context) =>
        ScheduleShapes.Schedule.TryRead(node, context, out var schedule) ? schedule : null;

    /// <summary>A kind of period (<c>calendarQuarter</c>, <c>P14D</c>), or null with the problem recorded.</summary>
    internal static PeriodGrid? ReadGrid(DocNode node, DocumentContext context) =>
        ScheduleShapes.Grid.TryRead(node, context, out var grid) ? grid : null;
}
