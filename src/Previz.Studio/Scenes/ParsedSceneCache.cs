using Microsoft.Extensions.Caching.Memory;
using Previz.Core.Scenes;

namespace Previz.Studio.Scenes;

/// <summary>
/// Parsed scenes by stored content: every generation, render step and studio page loads its scene, and parsing it
/// again each time is work for nothing. Stored scene files are
/// content-addressed and a <see cref="SceneDocument"/> is immutable, so one parse serves every later load. Bounded by
/// the stored files' bytes (least recently used go first).
/// </summary>
public sealed class ParsedSceneCache : IDisposable
{
    /// <summary>Source bytes kept parsed; a parsed scene takes a few times its file.</summary>
    private const long BudgetBytes = 32L * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = BudgetBytes, CompactionPercentage = 0.25 });

    /// <summary>The parsed scene for <paramref name="key"/>, parsing it with <paramref name="parse"/> on a miss.</summary>
    public async Task<SceneDocument> GetOrParseAsync(string key, long sourceBytes, Func<Task<SceneDocument>> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (_cache.TryGetValue(key, out SceneDocument? cached) && cached is not null)
        {
            return cached;
        }

        var scene = await parse();
        if (sourceBytes <= BudgetBytes / 4)
        {
            // Two loads racing both parse; the second write just replaces an equal document.
            _cache.Set(key, scene, new MemoryCacheEntryOptions { Size = Math.Max(1, sourceBytes) });
        }

        return scene;
    }

    public void Dispose() => _cache.Dispose();
}
