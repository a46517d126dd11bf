namespace ServiceCommitments.Phrases;

/// <summary>The languages commitments are written in, for parsing phrases and rendering sentences.</summary>
public enum Language
{
    /// <summary>English ("within 2 working days"). This is the default value.</summary>
    English = 0,

    /// <summary>Simplified Chinese ("2个工作日内").</summary>
    Chinese = 1,
}
