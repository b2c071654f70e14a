using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;
using Previz.Studio.Scenes;

namespace Previz.Cli.Tests;

[Collection(StudioDataFolderGroup.Name)]
public sealed class StoredSequenceExportTests
{
    private const string Scene = """
    {
      "name": "stored two shots",
      "objects": [ { "id": "box", "kind": "box", "color": "#cc3333" } ],
      "cameras": [ { "id": "cam", "transform": { "position": [0, 1, 6] }, "aimTarget": "box" } ],
      "shots": [ { "id": "wide", "cameraId": "cam", "duration": 1, "fps": 24 },
                 { "id": "close", "cameraId": "cam", "start": 1, "duration": 0.5, "fps": 24 } ]
    }
    """;

    [Fact]
    public async Task A_scene_stored_by_the_studio_exports_by_name_as_the_studio_exports_it()
    {
        var data = Directory.CreateTempSubdirectory("previz-cli-stored-").FullName;
        var before = Environment.GetEnvironmentVariable("PREVIZ_DATA");
        Environment.SetEnvironmentVariable("PREVIZ_DATA", data);
        try
        {
            using (var host = StudioHost.BuildWorker([]))
            {
                await host.Services.GetRequiredService<StudioDatabase>().MigrateAsync(CancellationToken.None);
                await host.Services.GetRequiredService<SceneStore>().AddAsync(Encoding.UTF8.GetBytes(Scene), "stored.previz.json", CancellationToken.None);
            }

            var target = Path.Combine(data, "edit.zip");
            var run = await CliRun.Of("sequence", "export", "stored two shots", "--format", "otio", "--out", target);

            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal(Path.GetFullPath(target), run.Stdout.Trim());
            using var zip = ZipFile.OpenRead(target);
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Single(entries, e => e.EndsWith(".otio", StringComparison.Ordinal));
            // No take chosen in the studio: both shots are Direct Renders, packaged beside the timeline.
            Assert.Equal(2, entries.Count(e => e.StartsWith("media/", StringComparison.Ordinal) && e.EndsWith(".mp4", StringComparison.Ordinal)));

            var unknown = await CliRun.Of("sequence", "export", "no such scene", "--format", "edl", "--out", Path.Combine(data, "x.edl"));
            Assert.Equal(2, unknown.ExitCode);
            Assert.Contains("\"no such scene\" is neither a scene file nor a scene stored in", unknown.Stderr, StringComparison.Ordinal);

            var mixed = await CliRun.Of("sequence", "export", "stored two shots", "--format", "edl", "--out", Path.Combine(data, "y"), "--take", "wide=a.mp4");
            Assert.Equal(2, mixed.ExitCode);
            Assert.Contains("--take, --cue and --resolution are for scene files", mixed.Stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(data, "y")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PREVIZ_DATA", before);
            Directory.Delete(data, recursive: true);
        }
    }
}
