using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ServiceCommitments.Internal;

namespace ServiceCommitments.Documents;

/// <summary>
/// Parses JSON text into <see cref="DocNode"/>s with their lines, enforcing <see cref="DocumentLimits"/>. Comments and
/// trailing commas are accepted; anything else that is not JSON is a <see cref="DocumentException"/> with the line,
/// column and the path of the value being read.
/// </summary>
internal static class DocumentParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    internal static DocNode Parse(string json, string? source)
    {
        if (json.Length > DocumentLimits.MaxBytes)
        {
            throw TooLarge(source);
        }

        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(json);
            if (bytes.Length > DocumentLimits.MaxBytes)
            {
                throw TooLarge(source);
            }
        }
        catch (EncoderFallbackException)
        {
            throw Fail(source, "$", 0, 0, "the text holds an unpaired surrogate, which is not valid Unicode");
        }

        return Parse(bytes, source);
    }

    private static DocumentException TooLarge(string? source) =>
        Fail(source, "$", 0, 0, $"the document is larger than {DocumentLimits.MaxBytes.ToString(CultureInfo.InvariantCulture)} bytes, the most a document may hold");

    private static DocNode Parse(byte[] bytes, string? source)
    {
        var lines = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = DocumentLimits.MaxDepth + 1,
        });

        DocNode? root = null;
        var stack = new Stack<DocNode>();
        string? pendingName = null;
        int values = 0;
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token == JsonTokenType.PropertyName)
                {
                    pendingName = CheckLength(reader.GetString()!, stack, source, bytes, lines, reader.TokenStartIndex);
                    continue;
                }

                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    stack.Pop();
                    continue;
                }

                if (++values > DocumentLimits.MaxValues)
                {
                    var (l, c) = Position(lines, reader.TokenStartIndex);
                    throw Fail(source, stack.Count > 0 ? stack.Peek().Path : "$", l, c, $"the document holds more than {DocumentLimits.MaxValues.ToString(CultureInfo.InvariantCulture)} values");
                }

                var kind = token switch
                {
                    JsonTokenType.StartObject => JsonValueKind.Object,
                    JsonTokenType.StartArray => JsonValueKind.Array,
                    JsonTokenType.String => JsonValueKind.String,
                    JsonTokenType.Number => JsonValueKind.Number,
                    JsonTokenType.True => JsonValueKind.True,
                    JsonTokenType.False => JsonValueKind.False,
                    _ => JsonValueKind.Null,
                };
                var (line, column) = Position(lines, reader.TokenStartIndex);
                DocNode node;
                if (stack.Count == 0)
                {
                    node = root = DocNode.Root(kind, line, column);
                }
                else if (stack.Peek().Kind == JsonValueKind.Object)
                {
                    node = stack.Peek().AddProperty(pendingName!, kind, line, column);
                }
                else
                {
                    node = stack.Peek().AddItem(kind, line, column);
                }

                switch (kind)
                {
                    case JsonValueKind.Object or JsonValueKind.Array:
                        if (stack.Count >= DocumentLimits.MaxDepth)
                        {
                            throw Fail(source, node.Path, line, column, $"objects and arrays are nested more than {DocumentLimits.MaxDepth.ToString(CultureInfo.InvariantCulture)} deep");
                        }

                        node.MakeContainer();
                        stack.Push(node);
                        break;
                    case JsonValueKind.String:
                        node.SetText(CheckLength(reader.GetString()!, stack, source, bytes, lines, reader.TokenStartIndex));
                        break;
                    case JsonValueKind.Number:
                        node.SetText(Encoding.UTF8.GetString(reader.ValueSpan));
                        break;
                }
            }
        }
        catch (InvalidOperationException e) when (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
        {
            // An escape such as \ud800 that is half of a surrogate pair: valid JSON syntax, but not a Unicode string.
            var (line, column) = Position(lines, reader.TokenStartIndex);
            string where = stack.Count > 0 ? stack.Peek().Path : "$";
            throw Fail(source, where, line, column, "a string holds an unpaired surrogate escape, which is not valid Unicode: " + ProblemSink.Cut(e.Message, 160));
        }
        catch (JsonException e)
        {
            int line = e.LineNumber is long l ? (int)l + 1 : 0;
            int column = e.BytePositionInLine is long b ? (int)b + 1 : 0;
            string where = stack.Count > 0 ? stack.Peek().Path : "$";
            throw Fail(source, where, line, column, "not valid JSON: " + ProblemSink.Cut(e.Message, 200));
        }

        if (root is null)
        {
            throw Fail(source, "$", 1, 1, "the document is empty; expected a JSON object");
        }

        return root;
    }

    private static string CheckLength(string text, Stack<DocNode> stack, string? source, byte[] bytes, int[] lines, long offset)
    {
        if (text.Length > DocumentLimits.MaxStringLength)
        {
            var (line, column) = Position(lines, offset);
            throw Fail(source, stack.Count > 0 ? stack.Peek().Path : "$", line, column, $"a string of {text.Length.ToString(CultureInfo.InvariantCulture)} characters; strings and names may hold at most {DocumentLimits.MaxStringLength.ToString(CultureInfo.InvariantCulture)}");
        }

        return text;
    }

    private static int[] LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }

    private static (int Line, int Column) Position(int[] lineStarts, long offset)
    {
        int index = Array.BinarySearch(lineStarts, (int)offset);
        int line = index >= 0 ? index : ~index - 1;
        return (line + 1, (int)offset - lineStarts[line] + 1);
    }

    private static DocumentException Fail(string? source, string path, int line, int column, string message) =>
        new(source, [new DocumentError(path, ProblemSink.Cut(message, ProblemSink.MaxMessageLength)) { Line = line, Column = column }]);
}
