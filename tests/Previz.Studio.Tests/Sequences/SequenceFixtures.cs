using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Gallery;
using Previz.Studio.Persistence;
using Previz.Studio.Tests.Api;
using Previz.Studio.Tests.Jobs;
using Previz.Testing;

namespace Previz.Studio.Tests.Sequences;

/// <summary>What the sequence and review tests put in a studio: clips of a shot, audio files, review links.</summary>
internal static class SequenceFixtures
{
    /// <summary>A fal key, so a hosted clip can be planned as the API plans one (nothing is sent: the clips are made here).</summary>
    public const string DummyKey = "--FAL_KEY=sequence-tests-dummy-key";

    /// <summary>A finished 2 s clip of the stadium's <c>breakaway</c> shot in the gallery, as a hosted job leaves one.</summary>
    public static async Task<Guid> AddBreakawayClipAsync(StudioFixture studio, JsonObject scene)
    {
        var generationId = await HandMadeRecords.AddHostedAsync(studio, scene, GenerationState.Succeeded, g => g.Duration = 2);
        GenerationRecord generation;
        await using (var db = studio.App.Services.GetRequiredService<StudioDatabase>().CreateContext())
        {
            generation = await db.Generations.AsNoTracking().SingleAsync(g => g.Id == generationId);
        }

        var clip = await TestClip.CopyToAsync(Path.Combine(studio.DataFolder, "tmp"));
        var item = await studio.App.Services.GetRequiredService<GalleryService>().AddAsync(generation, clip, CancellationToken.None);
        return item.Id;
    }

    /// <summary>A mono 16-bit PCM WAV of a 440 Hz tone.</summary>
    public static byte[] Wav(double seconds, int rate = 8000)
    {
        var samples = (int)(seconds * rate);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.ASCII);
        writer.Write("RIFF"u8);
        writer.Write(36 + (samples * 2));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(rate);
        writer.Write(rate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        for (var i = 0; i < samples; i++)
        {
            writer.Write((short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate)));
        }

        writer.Flush();
        return stream.ToArray();
    }

    public static async Task<HttpResponseMessage> PostCueAsync(HttpClient client, string sceneId, byte[] file, string query)
    {
        using var content = new ByteArrayContent(file);
        return await client.PostAsync($"/api/scenes/{sceneId}/sequence/cues?{query}", content);
    }

    /// <summary>A review link to the scene's sequence: its id and address.</summary>
    public static async Task<(string Id, string Url, string Token)> ShareAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/reviews", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, text);
        var json = JsonNode.Parse(text)!;
        var url = (string)json["url"]!;
        return ((string)json["link"]!["id"]!, url, url[(url.LastIndexOf('/') + 1)..]);
    }
}
