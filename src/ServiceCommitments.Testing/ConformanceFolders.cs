using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ServiceCommitments.Testing;

/// <summary>
/// The folders of conformance files a test suite runs besides its own: named by the environment variable
/// <see cref="EnvironmentVariable"/>, one folder or several separated by <c>;</c>. The library's own suite reads the
/// variable this way, and a user's suite can do the same to run the same case folders.
/// </summary>
/// <remarks>
/// <para>The runner never reads the environment itself: the caller passes the variable's value (for example
/// <c>Environment.GetEnvironmentVariable(ConformanceFolders.EnvironmentVariable)</c>), so a test can pin it.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class ConformanceFolders
{
    /// <summary>The environment variable that names extra folders of conformance files: <c>SERVICECOMMITMENTS_CONFORMANCE_DIR</c>.</summary>
    public const string EnvironmentVariable = "SERVICECOMMITMENTS_CONFORMANCE_DIR";

    /// <summary>The character that separates folders in <see cref="EnvironmentVariable"/>: <c>;</c>.</summary>
    public const char Separator = ';';

    /// <summary>Splits the variable's value into folders.</summary>
    /// <param name="value">The value: one folder, or several separated by <c>;</c>; null or empty for none.</param>
    /// <returns>
    /// The folders in the order given, each trimmed of surrounding white space; empty entries (as in <c>a;;b</c> or a
    /// trailing <c>;</c>) are dropped and a folder named twice is kept once. The folders are not checked: see
    /// <see cref="Files"/>.
    /// </returns>
    public static IReadOnlyList<string> Split(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var folders = new List<string>();
        foreach (string part in value.Split(Separator))
        {
            string folder = part.Trim();
            if (folder.Length > 0 && !folders.Contains(folder, StringComparer.Ordinal))
            {
                folders.Add(folder);
            }
        }

        return folders.AsReadOnly();
    }

    /// <summary>Lists the conformance files of a folder: every <c>*.json</c> file in it and its subfolders.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The files' paths, in ordinal order of path, so that runs and reports are repeatable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="folder"/> is null.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist; a folder named by mistake is reported, not skipped.</exception>
    public static IReadOnlyList<string> Files(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The conformance folder \"{folder}\" does not exist; check {EnvironmentVariable} or the path given.");
        }

        return Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList().AsReadOnly();
    }
}
