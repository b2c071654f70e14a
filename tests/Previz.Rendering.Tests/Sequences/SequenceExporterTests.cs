using System.IO.Compression;
using Previz.Core;
using Previz.Core.Sequences;
using Previz.Rendering.Sequences;
using static Previz.Rendering.Tests.Sequences.AnimaticMedia;

namespace Previz.Rendering.Tests.Sequences;

/// <summary>Timeline packages: the document beside copies of its media, referred to by relative paths, complete or absent.</summary>
public sealed class SequenceExporterTests
{
    private readonly SequenceExporter _exporter = new();

    [Fact]
    public async Task An_otio_package_is_a_folder_with_the_timeline_and_one_copy_of_each_media_file()
    {
        var cut = await CutAsync([("a", RedWithTone), ("b", BlueSilent), ("c", RedWithTone)], [(Beep, 1, -3)]);
        var parent = Folder();
        var target = Path.Combine(parent, "package");

        var result = await _exporter.ExportAsync(cut, parent, SequenceExportFormat.Otio, target);

        Assert.Equal(["test cut.otio", "media/red.mp4", "media/blue.mp4", "media/beep.wav"], result.Files);
        Assert.Equal([target], Directory.GetDirectories(parent));
        var document = await File.ReadAllTextAsync(Path.Combine(target, "test cut.otio"));
        Assert.Contains("\"media/red.mp4\"", document, StringComparison.Ordinal);
        Assert.Contains("\"media/beep.wav\"", document, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetDirectoryName(RedWithTone)!, document, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(RedWithTone), await File.ReadAllBytesAsync(Path.Combine(target, "media", "red.mp4")));
        Assert.Equal(["beep.wav", "blue.mp4", "red.mp4"], Directory.GetFiles(Path.Combine(target, "media")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_path_ending_in_zip_gets_the_package_as_one_zip()
    {
        var cut = await CutAsync([("a", RedWithTone), ("b", ShortPattern)]);
        var parent = Folder();
        var target = Path.Combine(parent, "edit.zip");
        var progress = new List<double>();

        var result = await _exporter.ExportAsync(cut, parent, SequenceExportFormat.Fcpxml, target, progress: new InlineProgress<double>(progress.Add));

        Assert.Equal([target], Directory.GetFileSystemEntries(parent));
        using var zip = ZipFile.OpenRead(target);
        Assert.Equal(["test cut.fcpxml", "media/red.mp4", "media/pattern-short.mp4"], zip.Entries.Select(e => e.FullName));
        Assert.Equal(new FileInfo(ShortPattern).Length, zip.GetEntry("media/pattern-short.mp4")!.Length);
        Assert.Equal(1, progress[^1]);
        Assert.Single(result.Notes, n => n.Contains("held for 24 frames", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Different_files_of_one_name_get_their_own_names_in_the_package()
    {
        var cut = await CutAsync([("a", RedWithTone), ("b", BlueSilent)]);
        var other = Path.Combine(Folder(), "red.mp4");
        File.Copy(BlueSilent, other);
        var twice = cut with { Clips = [cut.Clips[0], cut.Clips[1] with { Take = cut.Clips[1].Take with { MediaPath = other } }] };
        var parent = Folder();

        var result = await _exporter.ExportAsync(twice, parent, SequenceExportFormat.Edl, Path.Combine(parent, "edl"));

        Assert.Equal(["test cut.edl", "media/red.mp4", "media/red-2.mp4"], result.Files);
    }

    [Fact]
    public async Task A_missing_media_file_is_named_and_nothing_is_left_behind()
    {
        var cut = await CutAsync([("a", RedWithTone)], [(Beep, 0.5, 0)]);
        var gone = cut with { Cues = [cut.Cues[0] with { MediaPath = "sounds/missing.wav" }] };
        var parent = Folder();

        foreach (var target in new[] { "package", "package.zip" })
        {
            var error = await Assert.ThrowsAsync<SequenceException>(() => _exporter.ExportAsync(gone, parent, SequenceExportFormat.Otio, Path.Combine(parent, target)));
            Assert.Equal($"Media file not found: {Path.Combine(parent, "sounds", "missing.wav")} (sound cue \"beep\").", error.Message);
        }

        Assert.Empty(Directory.GetFileSystemEntries(parent));
    }

    [Fact]
    public async Task A_folder_that_holds_files_is_not_overwritten()
    {
        var cut = await CutAsync([("a", RedWithTone)]);
        var parent = Folder();
        var target = Path.Combine(parent, "taken");
        Directory.CreateDirectory(target);
        await File.WriteAllTextAsync(Path.Combine(target, "mine.txt"), "keep me");

        var error = await Assert.ThrowsAsync<SequenceException>(() => _exporter.ExportAsync(cut, parent, SequenceExportFormat.Otio, target));

        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal(["mine.txt"], Directory.GetFileSystemEntries(target).Select(Path.GetFileName));
        Assert.Equal([target], Directory.GetFileSystemEntries(parent));
    }

    [Fact]
    public async Task An_mp4_export_is_the_animatic()
    {
        var cut = await CutAsync([("a", RedWithTone), ("b", BlueSilent)]);
        var parent = Folder();
        var target = Path.Combine(parent, "cut.mp4");

        var result = await _exporter.ExportAsync(cut, parent, SequenceExportFormat.Mp4, target);

        Assert.Equal(AnimaticEncoding.StreamCopy, result.Animatic!.Encoding);
        Assert.Equal(96, DecodedFrames(target));
        Assert.Equal(["cut.mp4"], result.Files);
    }

    [Fact]
    public void Format_names_parse_and_others_are_refused_with_the_choices()
    {
        Assert.Equal(SequenceExportFormat.Fcpxml, SequenceExportFormats.Parse("FCPXML"));
        Assert.Equal(".edl", SequenceExportFormat.Edl.Extension());
        var error = Assert.Throws<SequenceException>(() => SequenceExportFormats.Parse("aaf"));
        Assert.Equal("\"aaf\" is not a sequence export format; choose one of mp4, otio, fcpxml, edl.", error.Message);
    }

    private static string Folder() => OutputFolder();
}
