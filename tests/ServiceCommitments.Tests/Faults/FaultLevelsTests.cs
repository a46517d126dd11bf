using System;
using System.Linq;
using ServiceCommitments.Faults;
using Xunit;
using static ServiceCommitments.Tests.Faults.PolicyTestSupport;

namespace ServiceCommitments.Tests.Faults;

/// <summary>docs/policies.md, Fault levels: numbered 1 (most severe) to N without gaps, each with names (一级/A/P1).</summary>
public sealed class FaultLevelsTests
{
    [Theory]
    [InlineData("一级", 1)]
    [InlineData("A", 1)]
    [InlineData("P1", 1)]
    [InlineData("p1", 1)] // Latin letters ignoring case
    [InlineData("a", 1)]
    [InlineData("1", 1)] // the number as text
    [InlineData("二级", 2)]
    [InlineData("B", 2)]
    [InlineData("P3", 3)]
    [InlineData("三级", 3)]
    [InlineData("四级", 4)]
    [InlineData("D", 4)]
    [InlineData("p4", 4)]
    [InlineData("4", 4)]
    public void Standard_ResolvesEveryNameOfTheTemplates(string name, int level)
    {
        Assert.True(FaultLevels.Standard.TryResolve(name, out int number));
        Assert.Equal(level, number);
    }

    [Theory]
    [InlineData("五级")]
    [InlineData("E")]
    [InlineData("P5")]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData("P")]
    public void Standard_RejectsWhatNamesNoLevel(string name) => Assert.False(FaultLevels.Standard.TryResolve(name, out _));

    [Fact]
    public void Standard_HasFourLevelsWithTheTemplatesDefinitions()
    {
        var levels = FaultLevels.Standard;
        Assert.Equal(4, levels.Count);
        Assert.Equal([1, 2, 3, 4], levels.Levels.Select(l => l.Number));
        Assert.Contains("系统瘫痪", levels[1].Description, StringComparison.Ordinal);
        Assert.Contains("部分重要服务不正常", levels[2].Description, StringComparison.Ordinal);
        Assert.Contains("系统性能下降", levels[3].Description, StringComparison.Ordinal);
        Assert.Contains("系统有隐患但业务正常", levels[4].Description, StringComparison.Ordinal);
        Assert.Equal("1 (一级, A, P1, critical)", levels[1].ToString());
        Assert.True(levels.Contains(4));
        Assert.False(levels.Contains(0));
        Assert.False(levels.Contains(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => levels[5]);
        Assert.Same(FaultLevels.Standard, Builder().Build().Levels);
    }

    [Fact]
    public void Create_TakesLevelsInAnyOrder_AndResolvesTheirNames()
    {
        var levels = FaultLevels.Create(new FaultLevel(2, ["重要", "major"]), new FaultLevel(1, ["紧急", "Urgent"], "service down"), new FaultLevel(3, []));
        Assert.Equal([1, 2, 3], levels.Levels.Select(l => l.Number));
        Assert.True(levels.TryResolve("urgent", out int urgent));
        Assert.Equal(1, urgent);
        Assert.True(levels.TryResolve("重要", out int major));
        Assert.Equal(2, major);
        Assert.True(levels.TryResolve("3", out int three));
        Assert.Equal(3, three);
        Assert.False(levels.TryResolve("P1", out _));
        Assert.Equal("3", levels[3].ToString());
        Assert.Equal("service down", levels[1].Description);

        // A policy with three levels rejects a ticket of level 4.
        var policy = Builder().SetLevels(levels).AddRow(Elapsed(Milestones.FirstResponse, "PT30M").ForLevels(3)).Build();
        Assert.Same(levels, policy.Levels);
        Assert.Throws<ArgumentException>(() => policy.Evaluate(NewTicket("2024-06-03 09:00", level: 4), At("2024-06-03 09:00")));
    }

    [Fact]
    public void Create_ListsEveryProblemAtOnce()
    {
        var e = Assert.Throws<ValidationException>(() => FaultLevels.Create(
            new FaultLevel(1, ["A", "P1"]),
            new FaultLevel(1, ["B"]),
            new FaultLevel(6, ["C"]),
            new FaultLevel(2, ["p1"]),
            new FaultLevel(3, [])));
        Assert.Equal(
            "The fault level set is not valid (3 problems):\n" +
            "  - levels[1]: found 1; each level number may appear once\n" +
            "  - levels[2]: found 6; levels are numbered 1 to 5 (one per level, no gaps)\n" +
            "  - levels[3]: found \"p1\"; a name may belong to one level, and this one already names level 1",
            e.Message);
        Assert.Equal(3, e.ProblemCount);
        Assert.Equal("fault level set", e.Subject);

        // A level out of numbering still has its names checked: every problem at once.
        var both = Assert.Throws<ValidationException>(() => FaultLevels.Create(new FaultLevel(1, ["A"]), new FaultLevel(3, ["a"])));
        Assert.Equal(
            "The fault level set is not valid (2 problems):\n" +
            "  - levels[1]: found 3; levels are numbered 1 to 2 (one per level, no gaps)\n" +
            "  - levels[1]: found \"a\"; a name may belong to one level, and this one already names level 1",
            both.Message);

        var gap = Assert.Throws<ValidationException>(() => FaultLevels.Create(new FaultLevel(1, []), new FaultLevel(3, [])));
        Assert.Equal("The fault level set is not valid (1 problem):\n  - levels[1]: found 3; levels are numbered 1 to 2 (one per level, no gaps)", gap.Message);

        var none = Assert.Throws<ValidationException>(() => FaultLevels.Create());
        Assert.Equal("The fault level set is not valid (1 problem):\n  - levels[0]: a policy needs at least one fault level", none.Message);
    }

    [Fact]
    public void FaultLevel_RejectsNumbersOutOfRange_AndBlankNames()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaultLevel(0, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaultLevel(FaultLevels.MaxLevel + 1, []));
        Assert.Throws<ArgumentException>(() => new FaultLevel(1, [" "]));
        Assert.Throws<ArgumentNullException>(() => new FaultLevel(1, [null!]));
        Assert.Throws<ArgumentNullException>(() => new FaultLevel(1, null!));
        Assert.Equal(FaultLevels.MaxLevel, new FaultLevel(FaultLevels.MaxLevel, []).Number);
    }
}
