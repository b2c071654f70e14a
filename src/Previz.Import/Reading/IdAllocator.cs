using System.Globalization;

namespace Previz.Import.Reading;

/// <summary>Unique ids from node names: the name itself while it is free, then "name-2", "name-3"…</summary>
internal sealed class IdAllocator
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public string Take(string? name, string fallback)
    {
        var stem = string.IsNullOrWhiteSpace(name) ? fallback : name.Trim();
        var id = stem;
        for (var n = 2; !_taken.Add(id); n++)
        {
            id = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
        }

        return id;
    }
}
