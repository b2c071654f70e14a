using System.Diagnostics;
using System.Globalization;
using System.Text;
using Previz.Rendering.Video;
using Previz.Studio.Hosting;

namespace Previz.Studio.Jobs;

/// <summary>
/// Keeps a clip that crashes FFmpeg's libraries from crashing the server again and again. Media work on a
/// generation's files runs in this process (<see cref="LibavMedia"/>), where a fault in a decoder takes the whole
/// process down; the job is durable, so the restarted server would fetch the same clip and fall over again.
/// <para>
/// Each process appends "+id" to its own log under <see cref="DataFolder.MediaGuard"/> when such work starts and "-id"
/// when it ends (the log is emptied whenever nothing is in flight): a write to an open file, where a marker file per
/// job cost a file created and deleted twice per job (1–3 ms of CPU per job in the jobs bench, ext4's inode allocator).
/// The log of a process of this machine that is gone names what it was doing when it died: each such generation gets
/// a marker file, and its next attempt runs its media work in ffmpeg/ffprobe processes, where a crash is a failed
/// child, not a dead server. The marker goes once that attempt's media work is over, or after
/// <see cref="MarkerLifetime"/> when no attempt comes.
/// </para>
/// </summary>
public sealed class MediaCrashGuard : IDisposable
{
    /// <summary>How often a process looks for the logs of dead ones (a directory listing of a few files).</summary>
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A marker is for the next attempt of its generation, which comes within minutes of the restart (a lease running
    /// out, a sweep); one older than this belongs to a generation nobody attempts again (canceled, failed, deleted).
    /// </summary>
    public static readonly TimeSpan MarkerLifetime = TimeSpan.FromDays(1);

    private readonly DataFolder _folder;
    private readonly string _logPath;
    private readonly object _gate = new();
    private FileStream? _log;
    private int _inFlight;
    private long _nextSweep;

    public MediaCrashGuard(DataFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        _folder = folder;
        using var self = Process.GetCurrentProcess();
        _logPath = Path.Combine(folder.MediaGuard, LogName(Environment.MachineName, self.Id, self.StartTime.ToUniversalTime()));
    }

    /// <summary>The log name of a process: its machine, id and start (ids are reused; an id and a start are not).</summary>
    public static string LogName(string machine, int processId, DateTime startedUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{machine}-{processId}-{startedUtc.Ticks}.log");

    /// <summary>Whether an earlier attempt at <paramref name="generationId"/>'s media work ended with its process.</summary>
    public bool StoppedBefore(Guid generationId)
    {
        SweepDeadProcesses();
        return File.Exists(MarkerOf(generationId));
    }

    /// <summary>Logs that media work on <paramref name="generationId"/> runs here until the returned scope is disposed.</summary>
    public IDisposable Enter(Guid generationId)
    {
        lock (_gate)
        {
            if (_log is null)
            {
                // Made at start with the data folder; made again should someone have removed it since.
                Directory.CreateDirectory(_folder.MediaGuard);
                _log = new FileStream(_logPath, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1);
            }

            Append('+', generationId);
            _inFlight++;
        }

        return new Scope(this, generationId);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_log is not null)
            {
                _log.Dispose();
                _log = null;
                File.Delete(_logPath);
            }
        }
    }

    private void Leave(Guid generationId)
    {
        lock (_gate)
        {
            if (--_inFlight == 0)
            {
                // Nothing in flight: the log starts again empty, so it never grows under steady work.
                _log!.SetLength(0);
                _log.Position = 0;
            }
            else
            {
                Append('-', generationId);
            }
        }

        // A marker of an earlier death has done its job once this attempt's media work is over (unlinking a file
        // that is not there costs next to nothing).
        File.Delete(MarkerOf(generationId));
    }

    private void Append(char sign, Guid generationId)
    {
        Span<byte> line = stackalloc byte[34];
        line[0] = (byte)sign;
        generationId.TryFormat(line[1..33], out _, "N");
        line[33] = (byte)'\n';
        _log!.Write(line);
    }

    /// <summary>Turns the logs of this machine's dead processes into markers of what they were doing.</summary>
    private void SweepDeadProcesses()
    {
        var now = Environment.TickCount64;
        if (now < Interlocked.Read(ref _nextSweep))
        {
            return;
        }

        Interlocked.Exchange(ref _nextSweep, now + (long)SweepEvery.TotalMilliseconds);
        if (!Directory.Exists(_folder.MediaGuard))
        {
            return;
        }

        foreach (var marker in Directory.EnumerateFiles(_folder.MediaGuard).Where(file => !file.EndsWith(".log", StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(marker) > MarkerLifetime)
            {
                File.Delete(marker);
            }
        }

        foreach (var log in Directory.EnumerateFiles(_folder.MediaGuard, $"{Environment.MachineName}-*.log"))
        {
            if (log == _logPath || !TryParse(Path.GetFileNameWithoutExtension(log), out var processId, out var started) || IsAlive(processId, started))
            {
                continue;
            }

            try
            {
                foreach (var id in InFlight(File.ReadAllText(log, Encoding.ASCII)))
                {
                    File.WriteAllText(MarkerOf(id), $"left by process {processId}");
                }

                File.Delete(log);
            }
            catch (IOException)
            {
                // Another process sweeps the same log; it writes the same markers.
            }
        }
    }

    /// <summary>The generations a log has started and not ended.</summary>
    private static IEnumerable<Guid> InFlight(string log)
    {
        var open = new Dictionary<Guid, int>();
        foreach (var line in log.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length == 33 && Guid.TryParseExact(line.AsSpan(1), "N", out var id))
            {
                open[id] = open.GetValueOrDefault(id) + (line[0] == '+' ? 1 : -1);
            }
        }

        return open.Where(entry => entry.Value > 0).Select(entry => entry.Key);
    }

    private static bool TryParse(string name, out int processId, out DateTime startedUtc)
    {
        processId = 0;
        startedUtc = default;
        var parts = name[(Environment.MachineName.Length + 1)..].Split('-');
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out processId) || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        startedUtc = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    private static bool IsAlive(int processId, DateTime startedUtc)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            // The start time is worked out from the boot time each time it is read: equal within a second.
            return (process.StartTime.ToUniversalTime() - startedUtc).Duration() < TimeSpan.FromSeconds(1);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private string MarkerOf(Guid generationId) => Path.Combine(_folder.MediaGuard, $"{generationId:N}");

    private sealed class Scope(MediaCrashGuard guard, Guid generationId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                guard.Leave(generationId);
            }
        }
    }
}
