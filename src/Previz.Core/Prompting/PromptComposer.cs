namespace Previz.Core.Prompting;

/// <summary>
/// Joins prompt parts and fits them to a model's maximum length by dropping whole lines, lowest priority first (within
/// a section, the last line first); a header goes with its last line. It reports every dropped line.
/// </summary>
public static class PromptComposer
{
    public static ComposedPrompt Compose(IEnumerable<string> parts, int? maxLength)
    {
        var lines = new List<Line>();
        string? header = null;
        var indexInSection = 0;
        foreach (var part in parts.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            foreach (var raw in part.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var text = raw.TrimEnd();
                if (text.Length == 0)
                {
                    continue;
                }

                if (PromptSections.IsHeader(text))
                {
                    header = text.Trim();
                    indexInSection = 0;
                    lines.Add(new Line(text, header, IsHeader: true, PromptSections.Priority(header), 0));
                    continue;
                }

                lines.Add(new Line(text, header, IsHeader: false, PromptSections.Priority(header), indexInSection++));
            }

            // A part ends its section: text after it is not part of the previous part's last block.
            header = null;
        }

        lines = DropEmptyHeaders(lines);
        var dropped = new List<string>();
        if (maxLength is { } max)
        {
            while (Length(lines) > max)
            {
                var victim = lines
                    .Where(l => !l.IsHeader && l.Priority < PromptSections.UnsectionedPriority)
                    .OrderBy(l => l.Priority - (l.Index * PromptSections.LineStep(l.Section)))
                    .ThenByDescending(l => l.Index)
                    .FirstOrDefault();
                if (victim is null)
                {
                    break;
                }

                lines.Remove(victim);
                dropped.Add(victim.Text.Trim());
                lines = DropEmptyHeaders(lines);
            }
        }

        var joined = string.Join("\n", lines.Select(l => l.Text));
        var truncated = false;
        if (maxLength is { } limit && joined.Length > limit)
        {
            var cut = joined[..limit];
            var space = cut.LastIndexOfAny([' ', '\n']);
            joined = space > limit / 2 ? cut[..space] : cut;
            truncated = true;
        }

        return new ComposedPrompt(joined, maxLength, dropped, truncated);
    }

    private static int Length(List<Line> lines) => lines.Sum(l => l.Text.Length) + Math.Max(0, lines.Count - 1);

    private static List<Line> DropEmptyHeaders(List<Line> lines)
    {
        var result = new List<Line>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.IsHeader && (i + 1 >= lines.Count || lines[i + 1].IsHeader || lines[i + 1].Section != l.Section))
            {
                continue;
            }

            result.Add(l);
        }

        return result;
    }

    private sealed record Line(string Text, string? Section, bool IsHeader, int Priority, int Index);
}
