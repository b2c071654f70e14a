using Previz.Core.Modes;

namespace Previz.Core.Catalog;

/// <summary>The models the visualizer knows, and which of them each mode offers.</summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, ModelEntry> _byId;

    public ModelCatalog(IEnumerable<ModelEntry> models)
    {
        Models = [.. models];
        _byId = new Dictionary<string, ModelEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in Models)
        {
            if (!_byId.TryAdd(m.Id, m))
            {
                throw new ArgumentException($"Model id \"{m.Id}\" appears twice.", nameof(models));
            }
        }
    }

    /// <summary>The shipped catalog (see <c>CatalogData</c> for every fact and its source).</summary>
    public static ModelCatalog Default { get; } = new(CatalogData.Models);

    public IReadOnlyList<ModelEntry> Models { get; }

    public ModelEntry? Find(string id) => _byId.GetValueOrDefault(id.Trim());

    /// <summary>The model with this id; an unknown id is a user error listing the ids.</summary>
    public ModelEntry Get(string id) =>
        Find(id) ?? throw new UnknownModelException(id, [.. Models.Select(m => m.Id)]);

    /// <summary>
    /// Exactly the models that can do <paramref name="mode"/>. From Animation puts Direct Render first, then the models
    /// that take a guide video, timed keyframes or camera parameters, then those that get frames plus a description.
    /// Unavailable models are listed (with their reason) after the available ones of the same kind.
    /// </summary>
    public IReadOnlyList<ModeListing> ForMode(VisualizerMode mode) =>
    [
        .. Models
            .Where(m => m.Supports(mode))
            .Select(m => new ModeListing(m, mode == VisualizerMode.FromAnimation ? m.Guidance : AnimationGuidance.FramesAndDescription))
            .Select((l, index) => (l, index))
            .OrderBy(x => mode == VisualizerMode.FromAnimation ? (int)x.l.Guidance : 0)
            .ThenBy(x => x.l.IsAvailable ? 0 : 1)
            .ThenBy(x => x.index)
            .Select(x => x.l),
    ];

    /// <summary>Models that can make sound, for messages that tell the user where audio is to be had.</summary>
    public IReadOnlyList<ModelEntry> AudioCapable(VisualizerMode? mode = null) =>
        [.. Models.Where(m => m.Audio != AudioSupport.None && m.IsAvailable && (mode is null || m.Supports(mode.Value)))];
}
