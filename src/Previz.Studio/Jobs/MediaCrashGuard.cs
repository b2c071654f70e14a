using Previz.Rendering.Video;
using Previz.Studio.Hosting;

namespace Previz.Studio.Jobs;

/// <summary>
/// Keeps a clip that crashes FFmpeg's libraries from crashing the server again and again. Media work on a
/// generation's files runs in this process (<see cref="LibavMedia"/>), where a fault in a decoder takes the whole
/// process down; the job is durable, so the restarted server would fetch the same clip and fall over again. A marker
/// file stands under <see cref="DataFolder.MediaGuard"/> while that work runs and is removed whatever happens short of
/// the process dying, so a marker found at the start of a step means the last attempt died in it: that attempt's
/// retry runs its media work in ffmpeg/ffprobe processes, where a crash is a failed child, not a dead server.
/// </summary>
public sealed class MediaCrashGuard
{
    private readonly DataFolder _folder;

    public MediaCrashGuard(DataFolder folder) => _folder = folder;

    /// <summary>Whether an earlier attempt at <paramref name="generationId"/>'s media work ended with its process.</summary>
    public bool StoppedBefore(Guid generationId) => File.Exists(MarkerOf(generationId));

    /// <summary>Stands the marker until the returned scope is disposed (which removes it).</summary>
    public IDisposable Enter(Guid generationId)
    {
        var marker = MarkerOf(generationId);
        File.WriteAllText(marker, $"{Environment.ProcessId} {DateTime.UtcNow:O}");
        return new Marker(marker);
    }

    private string MarkerOf(Guid generationId) => Path.Combine(_folder.MediaGuard, $"{generationId:N}");

    private sealed class Marker(string path) : IDisposable
    {
        public void Dispose() => File.Delete(path);
    }
}
