using System.Reflection;
using System.Text.Json;

namespace Previz.Core.Prompting;

/// <summary>The style and lighting presets shipped as data (embedded <c>presets.json</c>).</summary>
public sealed class PromptPresets
{
    private PromptPresets(IReadOnlyList<StylePreset> styles, IReadOnlyList<StylePreset> lighting)
    {
        Styles = styles;
        Lighting = lighting;
    }

    public static PromptPresets Default { get; } = Load();

    public IReadOnlyList<StylePreset> Styles { get; }

    public IReadOnlyList<StylePreset> Lighting { get; }

    public StylePreset? FindStyle(string? id) => Find(Styles, id);

    public StylePreset? FindLighting(string? id) => Find(Lighting, id);

    private static StylePreset? Find(IReadOnlyList<StylePreset> list, string? id) =>
        id is null ? null : list.FirstOrDefault(p => string.Equals(p.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    private static PromptPresets Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Previz.Core.Prompting.presets.json")
            ?? throw new InvalidOperationException("The embedded prompt presets are missing.");
        using var doc = JsonDocument.Parse(stream);
        return new PromptPresets(Read(doc.RootElement.GetProperty("styles")), Read(doc.RootElement.GetProperty("lighting")));
    }

    private static StylePreset[] Read(JsonElement array) =>
    [
        .. array.EnumerateArray().Select(e => new StylePreset(
            e.GetProperty("id").GetString()!, e.GetProperty("name").GetString()!, e.GetProperty("text").GetString()!)),
    ];
}
