using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Previz.Core.Scenes;
using Previz.Rendering;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;

namespace Previz.Studio.Sequences;

/// <summary>
/// The take of a shot that has no chosen clip: Direct Render's shaded pass of the shot at 1k (as `previz sequence export` renders a shot without a take), rendered the first time the
/// sequence player asks for it and kept under <c>tmp/sequences/</c> by scene content and shot (so a new version of the
/// scene renders again, and an unchanged one never does). One render at a time: the rasterizer and x264 fill the cores.
/// </summary>
public sealed class DirectRenderTakes : IDisposable
{
    private readonly DataFolder _folder;
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly ConcurrentDictionary<string, Task> _renders = new(StringComparer.Ordinal);

    public DirectRenderTakes(DataFolder folder) => _folder = folder;

    /// <summary>The MP4 of <paramref name="shot"/>, rendered now if it is not cached.</summary>
    public async Task<string> PathAsync(SceneRecord record, SceneDocument scene, Shot shot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(shot);
        var folder = Path.Combine(_folder.Temp, "sequences");
        var shotKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(shot.Id)))[..16];
        var path = Path.Combine(folder, $"{record.ContentHash}-{shotKey}-shaded-1k.mp4");
        if (File.Exists(path))
        {
            return path;
        }

        // Started once per file and not canceled with the request: a <video> element drops a request when it seeks,
        // and the next one would only start the same render again.
        var render = _renders.GetOrAdd(path, p => RenderAsync(scene, shot, p));
        try
        {
            await render.WaitAsync(cancellationToken);
        }
        finally
        {
            if (render.IsCompleted)
            {
                _renders.TryRemove(new KeyValuePair<string, Task>(path, render));
            }
        }

        return path;
    }

    private async Task RenderAsync(SceneDocument scene, Shot shot, string path)
    {
        await _one.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                // The renderer writes the file only on success, so a reader never sees half of one.
                await DirectRenderer.RenderToMp4Async(scene, shot, RenderPass.Shaded, ResolutionPreset.OneK, path, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();
}
