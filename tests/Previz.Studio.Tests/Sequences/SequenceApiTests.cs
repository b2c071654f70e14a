using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Previz.Studio.Tests.Api;

namespace Previz.Studio.Tests.Sequences;

public sealed class SequenceApiTests
{
    [Fact]
    public async Task A_scene_sequence_cuts_its_shots_in_storyboard_order_on_Direct_Render_until_a_clip_of_the_shot_is_chosen()
    {
        await using var studio = await StudioFixture.StartAsync(SequenceFixtures.DummyKey);
        var scene = await studio.UploadStadiumAsync();
        var sceneId = (string)scene["id"]!;

        var sequence = (await studio.Client.GetFromJsonAsync<JsonObject>($"/api/scenes/{sceneId}/sequence"))!;
        var shots = sequence["shots"]!.AsArray();
        Assert.Equal(["establishing", "breakaway"], shots.Select(s => (string)s!["shotId"]!));
        Assert.Equal(0, (double)shots[0]!["start"]!);
        Assert.Equal(8, (double)shots[1]!["start"]!, 6);
        Assert.Equal(12, (double)sequence["duration"]!, 6);
        Assert.All(shots, s => Assert.Null(s!["take"]));
        Assert.All(shots, s => Assert.Equal("Direct Render", (string)s!["takeLabel"]!));

        var item = await SequenceFixtures.AddBreakawayClipAsync(studio, scene);
        sequence = (await studio.Client.GetFromJsonAsync<JsonObject>($"/api/scenes/{sceneId}/sequence"))!;
        Assert.Equal(item.ToString(), (string)sequence["shots"]![1]!["clips"]![0]!["galleryItemId"]!);
        Assert.Empty(sequence["shots"]![0]!["clips"]!.AsArray());

        using var put = await studio.Client.PutAsJsonAsync($"/api/scenes/{sceneId}/sequence", new { takes = new Dictionary<string, Guid?> { ["breakaway"] = item, ["establishing"] = null } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        sequence = (await studio.Client.GetFromJsonAsync<JsonObject>($"/api/scenes/{sceneId}/sequence"))!;
        Assert.Null(sequence["shots"]![0]!["take"]);
        Assert.Equal(item.ToString(), (string)sequence["shots"]![1]!["take"]!);
        Assert.Contains("Kling", (string)sequence["shots"]![1]!["takeLabel"]!, StringComparison.Ordinal);

        // The player's cut: the chosen clip's file for the breakaway, a Direct Render for the establishing shot.
        var cut = (await studio.Client.GetFromJsonAsync<JsonObject>($"/api/scenes/{sceneId}/sequence/cut"))!;
        var breakaway = cut["clips"]![1]!;
        Assert.Equal(item.ToString(), (string)breakaway["galleryItemId"]!);
        using var media = await studio.Client.GetAsync($"/api/scenes/{sceneId}/sequence/media/{(int)breakaway["media"]!}");
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        Assert.Equal("video/mp4", media.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Previz.Testing.TestClip.Mp4, await media.Content.ReadAsByteArrayAsync());
        using var none = await studio.Client.GetAsync($"/api/scenes/{sceneId}/sequence/media/9");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task A_shot_without_a_chosen_clip_plays_Direct_Render_rendered_when_first_asked_for()
    {
        await using var studio = await StudioFixture.StartAsync(SequenceFixtures.DummyKey);
        var scene = await studio.UploadStadiumAsync();
        var sceneId = (string)scene["id"]!;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/scenes/{sceneId}/sequence/media/1");
        request.Headers.Range = new RangeHeaderValue(0, 99);
        using var response = await studio.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(100, (await response.Content.ReadAsByteArrayAsync()).Length);
        Assert.Single(Directory.GetFiles(Path.Combine(studio.DataFolder, "tmp", "sequences"), "*.mp4"));
    }

    [Fact]
    public async Task A_take_that_is_a_clip_of_another_shot_is_refused_naming_both_shots()
    {
        await using var studio = await StudioFixture.StartAsync(SequenceFixtures.DummyKey);
        var scene = await studio.UploadStadiumAsync();
        var sceneId = (string)scene["id"]!;
        var item = await SequenceFixtures.AddBreakawayClipAsync(studio, scene);

        using var put = await studio.Client.PutAsJsonAsync($"/api/scenes/{sceneId}/sequence", new { takes = new Dictionary<string, Guid?> { ["establishing"] = item } });
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType!.MediaType);
        var problem = (await put.Content.ReadFromJsonAsync<JsonObject>())!;
        var message = (string)problem["errors"]!["takes.establishing"]![0]!;
        Assert.Contains("\"breakaway\"", message, StringComparison.Ordinal);
        Assert.Contains("\"establishing\"", message, StringComparison.Ordinal);
        Assert.Contains(item.ToString(), message, StringComparison.Ordinal);

        using var unknownShot = await studio.Client.PutAsJsonAsync($"/api/scenes/{sceneId}/sequence", new { takes = new Dictionary<string, Guid?> { ["nope"] = item } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownShot.StatusCode);
        using var unknownItem = await studio.Client.PutAsJsonAsync($"/api/scenes/{sceneId}/sequence", new { takes = new Dictionary<string, Guid?> { ["breakaway"] = Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownItem.StatusCode);
        var sequence = (await studio.Client.GetFromJsonAsync<JsonObject>($"/api/scenes/{sceneId}/sequence"))!;
        Assert.All(sequence["shots"]!.AsArray(), s => Assert.Null(s!["take"]));
    }

    [Fact]
    public async Task A_sound_cue_is_probed_stored_placed_on_the_cut_and_removed()
    {
        await using var studio = await StudioFixture.StartAsync(SequenceFixtures.DummyKey);
        var scene = await studio.UploadStadiumAsync();
        var sceneId = (string)scene["id"]!;
        var wav = SequenceFixtures.Wav(1.5);

        using var created = await SequenceFixtures.PostCueAsync(studio.Client, sceneId, wav, "fileName=crowd%20roar.wav&start=2.5&gainDb=-6");
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        var cue = JsonNode.Parse(text)!;
        Assert.Equal("crowd roar", (string)cue["name"]!);
        Assert.Equal(2.5, (double)cue["start"]!);
        Assert.Equal(-6, (double)cue["gainDb"]!);
        Assert.Equal(1.5, (double)cue["duration"]!, 2);
        Assert.Equal("audio/wav", (string)cue["contentType"]!);

        var cut = (await studio.Client.GetFromJsonAsync<JsonObject>($"/api/scenes/{sceneId}/sequence/cut"))!;
        var placed = Assert.Single(cut["cues"]!.AsArray())!;
        Assert.Equal(2.5, (double)placed["start"]!);
        using (var media = await studio.Client.GetAsync($"/api/scenes/{sceneId}/sequence/media/{(int)placed["media"]!}"))
        {
            Assert.Equal("audio/wav", media.Content.Headers.ContentType!.MediaType);
            Assert.Equal(wav, await media.Content.ReadAsByteArrayAsync());
        }

        using var removed = await studio.Client.DeleteAsync($"/api/scenes/{sceneId}/sequence/cues/{(string)cue["id"]!}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        using var again = await studio.Client.DeleteAsync($"/api/scenes/{sceneId}/sequence/cues/{(string)cue["id"]!}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var sequence = (await studio.Client.GetFromJsonAsync<JsonObject>($"/api/scenes/{sceneId}/sequence"))!;
        Assert.Empty(sequence["cues"]!.AsArray());
    }

    [Fact]
    public async Task A_sound_cue_that_is_not_audio_or_starts_past_the_end_of_the_cut_is_refused()
    {
        await using var studio = await StudioFixture.StartAsync(SequenceFixtures.DummyKey);
        var scene = await studio.UploadStadiumAsync();
        var sceneId = (string)scene["id"]!;

        using (var notAudio = await SequenceFixtures.PostCueAsync(studio.Client, sceneId, "these are my notes, not a sound\n"u8.ToArray(), "fileName=notes.txt&start=1"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notAudio.StatusCode);
            var problem = (await notAudio.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Contains("\"notes.txt\" is not an audio file", (string)problem["errors"]!["file"]![0]!, StringComparison.Ordinal);
        }

        using (var video = await SequenceFixtures.PostCueAsync(studio.Client, sceneId, Previz.Testing.TestClip.Mp4, "fileName=silent.mp4&start=1"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, video.StatusCode);
            Assert.Contains("silent.mp4", await video.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var pastEnd = await SequenceFixtures.PostCueAsync(studio.Client, sceneId, SequenceFixtures.Wav(1), "fileName=late.wav&start=12.5"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, pastEnd.StatusCode);
            var problem = (await pastEnd.Content.ReadFromJsonAsync<JsonObject>())!;
            var message = (string)problem["errors"]!["start"]![0]!;
            Assert.Contains("12.5 s, outside the sequence (0 to 12 s)", message, StringComparison.Ordinal);
        }

        using (var loud = await SequenceFixtures.PostCueAsync(studio.Client, sceneId, SequenceFixtures.Wav(1), "fileName=loud.wav&start=1&gainDb=40"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, loud.StatusCode);
            Assert.NotNull((await loud.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["gainDb"]);
        }

        var sequence = (await studio.Client.GetFromJsonAsync<JsonObject>($"/api/scenes/{sceneId}/sequence"))!;
        Assert.Empty(sequence["cues"]!.AsArray());
        // Nothing refused stays behind: not in media/, not spooled in tmp/.
        Assert.Empty(Directory.GetFiles(Path.Combine(studio.DataFolder, "tmp"), "*.body"));
    }

    [Fact]
    public async Task The_sequence_exports_as_a_timeline_zipped_with_its_media_and_an_unknown_format_is_refused()
    {
        await using var studio = await StudioFixture.StartAsync(SequenceFixtures.DummyKey);
        var scene = await studio.UploadStadiumAsync();
        var sceneId = (string)scene["id"]!;
        var item = await SequenceFixtures.AddBreakawayClipAsync(studio, scene);
        using (var put = await studio.Client.PutAsJsonAsync($"/api/scenes/{sceneId}/sequence", new { takes = new Dictionary<string, Guid?> { ["breakaway"] = item } }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var unknown = await studio.Client.GetAsync($"/api/scenes/{sceneId}/sequence/export/avi"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.NotNull((await unknown.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["format"]);
        }

        using var export = await studio.Client.GetAsync($"/api/scenes/{sceneId}/sequence/export/edl");
        Assert.True(export.StatusCode == HttpStatusCode.OK, await export.Content.ReadAsStringAsync());
        Assert.Equal("application/zip", export.Content.Headers.ContentType!.MediaType);
        Assert.Equal("stadium-sequence.edl.zip", export.Content.Headers.ContentDisposition!.FileNameStar ?? export.Content.Headers.ContentDisposition.FileName);
        using var zip = new System.IO.Compression.ZipArchive(await export.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Single(names, n => n.EndsWith(".edl", StringComparison.Ordinal));
        Assert.Equal(2, names.Count(n => n.StartsWith("media/", StringComparison.Ordinal)));
        using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".edl", StringComparison.Ordinal)).Open());
        var edl = await reader.ReadToEndAsync();
        Assert.Contains("breakaway", edl, StringComparison.OrdinalIgnoreCase);
        // Written for the download, then gone.
        await Waiting.UntilAsync(() => !Directory.EnumerateFiles(Path.Combine(studio.DataFolder, "tmp", "exports")).Any(), TimeSpan.FromSeconds(10), "the export deleted after its download");
    }
}
