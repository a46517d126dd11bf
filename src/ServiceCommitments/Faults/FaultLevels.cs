using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Faults;

/// <summary>An ordered set of fault levels, numbered from 1 (the most severe) with no gaps, and their names.</summary>
/// <remarks>
/// <see cref="Standard"/> is the four levels of the Chinese after-sales templates. Names are matched exactly, and also
/// ignoring case for Latin letters (<c>p1</c> is <c>P1</c>). Instances are immutable and thread-safe.
/// </remarks>
[Immutable]
public sealed class FaultLevels
{
    /// <summary>The highest level number a set may have.</summary>
    public const int MaxLevel = 64;

    /// <summary>Whether <paramref name="number"/> is a level number (1 to <see cref="MaxLevel"/>); the problem reported at <paramref name="at"/> when not.</summary>
    internal static bool CheckNumber(int number, FieldRef at, IShownValue? shown, ProblemSink sink)
    {
        if (number >= 1 && number <= MaxLevel)
        {
            return true;
        }

        sink.Add(at, shown?.Show() ?? number.ToString(CultureInfo.InvariantCulture), $"expected a level from 1 to {MaxLevel}");
        return false;
    }

    /// <summary>Whether <paramref name="name"/> may name a level (not blank); the problem reported at <paramref name="at"/> when not.</summary>
    internal static bool CheckName(string name, FieldRef at, IShownValue? shown, ProblemSink sink)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            return true;
        }

        sink.Add(at, shown?.Show() ?? ProblemSink.Quote(name), "expected a name that is not blank");
        return false;
    }

    private readonly Dictionary<string, int> byName;

    private FaultLevels(FaultLevel[] levels, Dictionary<string, int> byName)
    {
        Levels = new ReadOnlyCollection<FaultLevel>(levels);
        this.byName = byName;
    }

    /// <summary>
    /// The four levels of the templates: 1 一级/A/P1 (system down or service interrupted; basic functions fail;
    /// unusable for over 30 minutes, or a danger to people), 2 二级/B/P2 (risk of going down; the application cannot
    /// work normally; key services abnormal), 3 三级/C/P3 (service directly affected; performance degraded; local
    /// abnormality), 4 四级/D/P4 (intermittent or indirect effect; an event with no impact yet; a hidden risk).
    /// </summary>
    public static FaultLevels Standard { get; } = Create(
        new FaultLevel(1, ["一级", "A", "P1", "critical"], "设备瘫痪或服务中断,基本功能不能实现或全面退化; 系统瘫痪; 无法正常运行时间超过30分钟,或对人身安全造成危害 (system down or service interrupted)"),
        new FaultLevel(2, ["二级", "B", "P2", "major"], "具有瘫痪或服务中断的潜在危险; 应用系统无法正常工作; 系统严重故障、部分重要服务不正常 (at risk of going down; key services abnormal)"),
        new FaultLevel(3, ["三级", "C", "P3", "minor"], "直接影响服务,系统性能或服务部分退化; 局部应用系统异常; 系统性能下降 (service or performance partly degraded)"),
        new FaultLevel(4, ["四级", "D", "P4", "low"], "断续或间接地影响系统功能和服务; 出现事件但暂时不影响运行; 系统有隐患但业务正常 (intermittent or indirect effect; no impact yet)"));

    /// <summary>The levels, in order from 1.</summary>
    public IReadOnlyList<FaultLevel> Levels { get; }

    /// <summary>How many levels there are; the least severe is level <see cref="Count"/>.</summary>
    public int Count => Levels.Count;

    /// <summary>Creates a set from levels numbered 1 to N, each once, in any order.</summary>
    /// <param name="levels">The levels.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="levels"/> or one of them is null.</exception>
    /// <exception cref="ValidationException">The levels are not 1 to N each once, or two levels share a name (every problem is listed).</exception>
    public static FaultLevels Create(params FaultLevel[] levels)
    {
        Preconditions.CheckNotNull(levels, nameof(levels));
        var sink = new ProblemSink();
        var set = TryCreate(levels, i => FieldRef.Named($"levels[{i.ToString(CultureInfo.InvariantCulture)}]"), sink);
        return set ?? throw new ValidationException("fault level set", sink);
    }

    internal static FaultLevels? TryCreate(IReadOnlyList<FaultLevel> levels, Func<int, FieldRef> field, ProblemSink sink)
    {
        int before = sink.Count;
        var sorted = new FaultLevel[levels.Count];
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (levels.Count == 0)
        {
            sink.Add(field(0), null, "a policy needs at least one fault level");
        }

        for (int i = 0; i < levels.Count; i++)
        {
            var level = Preconditions.CheckNotNull(levels[i], nameof(levels));
            if (level.Number > levels.Count)
            {
                sink.Add(field(i), level.Number.ToString(CultureInfo.InvariantCulture), $"levels are numbered 1 to {levels.Count} (one per level, no gaps)");
            }
            else if (sorted[level.Number - 1] is not null)
            {
                sink.Add(field(i), level.Number.ToString(CultureInfo.InvariantCulture), "each level number may appear once");
            }
            else
            {
                sorted[level.Number - 1] = level;
            }

            // A level out of numbering still has its names checked, so that every problem is found at once.
            foreach (string name in level.Names)
            {
                if (byName.TryGetValue(name, out int other) && other != level.Number)
                {
                    sink.Add(field(i), ProblemSink.Quote(name), $"a name may belong to one level, and this one already names level {other}");
                }

                byName.TryAdd(name, level.Number);
            }
        }

        return sink.Count > before ? null : new FaultLevels(sorted, byName);
    }

    /// <summary>Whether <paramref name="number"/> is one of the levels.</summary>
    /// <param name="number">A level number.</param>
    /// <returns>True for 1 to <see cref="Count"/>.</returns>
    public bool Contains(int number) => number >= 1 && number <= Count;

    /// <summary>Finds the level a name or number stands for: <c>"一级"</c>, <c>"A"</c>, <c>"p1"</c> or <c>"1"</c>.</summary>
    /// <param name="name">The name, or the level's number as text.</param>
    /// <param name="number">The level's number, when found.</param>
    /// <returns>Whether the name names a level.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryResolve(string name, out int number)
    {
        Preconditions.CheckNotNull(name, nameof(name));
        if (byName.TryGetValue(name.Trim(), out number))
        {
            return true;
        }

        return int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out number) && Contains(number);
    }

    /// <summary>The level with number <paramref name="number"/>.</summary>
    /// <param name="number">1 to <see cref="Count"/>.</param>
    /// <returns>The level.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is not one of the levels.</exception>
    public FaultLevel this[int number]
    {
        get
        {
            if (!Contains(number))
            {
                Preconditions.ThrowArgumentOutOfRange(nameof(number), number, $"a level from 1 to {Count}");
            }

            return Levels[number - 1];
        }
    }
}
