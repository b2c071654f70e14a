using System.IO.Compression;
using System.Text;
using Previz.Core.Sequences;
using Previz.Rendering.Video;

namespace Previz.Rendering.Sequences;

/// <summary>
/// Exports a cut: the animatic MP4, or a timeline (OpenTimelineIO, FCPXML, EDL) packaged with copies of every take and
/// cue it refers to under <c>media/</c>, referred to by relative paths, as a folder or a .zip. A package is built
/// under a temporary name beside the target and moved into place only when complete; a missing media file is refused
/// by name before anything is written.
/// </summary>
/// <param name="media">The media boundary (default <see cref="MediaTool.Default"/>).</param>
/// <param name="probe">Shares the streams already probed by the caller with the animatic writer.</param>
public sealed class SequenceExporter(MediaTool? media = null, SequenceProbe? probe = null)
{
    /// <summary>The folder inside a package that holds the media.</summary>
    public const string MediaFolder = "media";

    private readonly AnimaticWriter _animatic = new(media, probe);

    /// <summary>
    /// Exports <paramref name="cut"/> as <paramref name="format"/> to <paramref name="outputPath"/>: an .mp4 file for
    /// <see cref="SequenceExportFormat.Mp4"/>; for a timeline, a .zip when the path ends in .zip, else a folder (which
    /// must not exist or be empty). Take and cue paths are resolved against <paramref name="mediaRoot"/>. Progress is
    /// the fraction done (frames written, or bytes of media copied).
    /// </summary>
    /// <exception cref="SequenceException">A media file is missing or unusable, or the target folder holds files already.</exception>
    /// <exception cref="VideoEncodingException">ffmpeg failed (MP4).</exception>
    public async Task<SequenceExportResult> ExportAsync(
        SequenceCut cut,
        string mediaRoot,
        SequenceExportFormat format,
        string outputPath,
        AnimaticOptions? animatic = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cut);
        ArgumentException.ThrowIfNullOrEmpty(mediaRoot);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        if (!format.IsTimeline())
        {
            var result = await _animatic.WriteAsync(cut, mediaRoot, outputPath, animatic, progress, cancellationToken);
            return new SequenceExportResult(result.OutputPath, format, result, [Path.GetFileName(result.OutputPath)], result.Notes);
        }

        var package = Package(cut, mediaRoot);
        var document = format.WriteTimeline(package.Cut);
        var documentName = FileName(cut.Name, "sequence") + format.Extension();
        var full = Path.GetFullPath(outputPath);
        var files = new List<string> { documentName };
        files.AddRange(package.Media.Select(m => m.PackagePath));
        var total = Math.Max(1, package.Media.Sum(m => new FileInfo(m.Source).Length));
        var copied = new Progress(total, progress);
        if (full.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            await WriteZipAsync(full, documentName, document, package.Media, copied, cancellationToken);
        }
        else
        {
            await WriteFolderAsync(full, documentName, document, package.Media, copied, cancellationToken);
        }

        progress?.Report(1);
        return new SequenceExportResult(full, format, null, files, AnimaticWriter.Notes(cut));
    }

    /// <summary>
    /// The cut as the package refers to it: every take and cue at <c>media/&lt;its file name&gt;</c> (one copy of a file
    /// used twice; a different file of the same name gets "-2", "-3"…), with the source files they come from.
    /// </summary>
    /// <exception cref="SequenceException">A take or cue file is missing.</exception>
    internal static (SequenceCut Cut, List<PackagedMedia> Media) Package(SequenceCut cut, string mediaRoot)
    {
        var media = new List<PackagedMedia>();
        var bySource = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        string Place(string mediaPath, string what)
        {
            var source = Path.GetFullPath(Path.Combine(mediaRoot, mediaPath.Replace('/', Path.DirectorySeparatorChar)));
            if (bySource.TryGetValue(source, out var placed))
            {
                return placed;
            }

            if (!File.Exists(source))
            {
                throw new SequenceException($"Media file not found: {source} ({what}).");
            }

            var extension = Path.GetExtension(source);
            var stem = FileName(Path.GetFileNameWithoutExtension(source), "media");
            var name = stem + extension;
            for (var n = 2; !taken.Add(name); n++)
            {
                name = $"{stem}-{n}{extension}";
            }

            placed = $"{MediaFolder}/{name}";
            bySource[source] = placed;
            media.Add(new PackagedMedia(source, placed));
            return placed;
        }

        var clips = cut.Clips.Select(c => c with { Take = c.Take with { MediaPath = Place(c.Take.MediaPath, $"the take for shot \"{c.ShotId}\"") } }).ToList();
        var cues = cut.Cues.Select(c => c with { MediaPath = Place(c.MediaPath, $"sound cue \"{c.Name}\"") }).ToList();
        return (cut with { Clips = clips, Cues = cues }, media);
    }

    /// <summary>A file name made of <paramref name="name"/>: characters that trouble file systems or URLs become "_".</summary>
    public static string FileName(string name, string fallback)
    {
        var safe = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            safe.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ' ' ? c : '_');
        }

        var text = safe.ToString().Trim('.', ' ');
        return text.Length == 0 ? fallback : text;
    }

    private static async Task WriteFolderAsync(string target, string documentName, string document, List<PackagedMedia> media, Progress copied, CancellationToken cancellationToken)
    {
        if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
        {
            throw new SequenceException($"{target} already exists and is not an empty folder; choose another output or remove it.");
        }

        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var partial = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            Directory.CreateDirectory(Path.Combine(partial, MediaFolder));
            await File.WriteAllTextAsync(Path.Combine(partial, documentName), document, new UTF8Encoding(false), cancellationToken);
            foreach (var item in media)
            {
                await using var from = OpenRead(item.Source);
                await using var to = new FileStream(Path.Combine(partial, item.PackagePath), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await copied.CopyAsync(from, to, cancellationToken);
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(partial, target);
        }
        finally
        {
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }
        }
    }

    private static async Task WriteZipAsync(string target, string documentName, string document, List<PackagedMedia> media, Progress copied, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var partial = Path.Combine(parent, $".{Path.GetFileNameWithoutExtension(target)}.{Guid.NewGuid():N}.partial.zip");
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true))
            await using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                var entry = zip.CreateEntry(documentName, CompressionLevel.Optimal);
                await using (var text = await entry.OpenAsync(cancellationToken))
                {
                    await text.WriteAsync(new UTF8Encoding(false).GetBytes(document), cancellationToken);
                }

                foreach (var item in media)
                {
                    // Video and compressed audio do not shrink: store them as they are.
                    var mediaEntry = zip.CreateEntry(item.PackagePath, CompressionLevel.NoCompression);
                    await using var from = OpenRead(item.Source);
                    await using var to = await mediaEntry.OpenAsync(cancellationToken);
                    await copied.CopyAsync(from, to, cancellationToken);
                }
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    private static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        }
        catch (FileNotFoundException e)
        {
            throw new SequenceException($"Media file not found: {path} (it went away during the export).", e);
        }
    }

    /// <summary>A media file's source and its path inside the package (forward slashes).</summary>
    internal sealed record PackagedMedia(string Source, string PackagePath);

    /// <summary>Copies streams and reports the fraction of all media bytes copied.</summary>
    private sealed class Progress(long total, IProgress<double>? progress)
    {
        private long _done;

        public async Task CopyAsync(Stream from, Stream to, CancellationToken cancellationToken)
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                _done += read;
                progress?.Report(Math.Min(1, (double)_done / total));
            }
        }
    }
}
