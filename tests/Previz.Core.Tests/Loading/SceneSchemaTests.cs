using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Previz.Core.Tests.Loading;

/// <summary>The published JSON Schema and the reader agree on the samples and on a broken document.</summary>
public class SceneSchemaTests
{
    // The schema has an $id, and the library's registry refuses to register one id twice: load it once.
    private static readonly Lazy<JsonSchema> Loaded = new(() =>
    {
        var folder = new DirectoryInfo(SampleScenes.Folder).Parent!.FullName;
        return JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, "docs", "scene.schema.json")));
    });

    private static JsonSchema Schema() => Loaded.Value;

    [Theory]
    [InlineData("stadium.previz.json")]
    [InlineData("product-turntable.previz.json")]
    public void The_samples_satisfy_the_published_schema(string sample)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SampleScenes.PathOf(sample)));
        var result = Schema().Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("; ", result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));
    }

    [Fact]
    public void The_schema_rejects_what_the_reader_rejects()
    {
        var node = JsonNode.Parse(File.ReadAllText(SampleScenes.PathOf("stadium.previz.json")))!;
        node["shots"]![0]!["duration"] = -1;
        using var document = JsonDocument.Parse(node.ToJsonString());
        Assert.False(Schema().Evaluate(document.RootElement).IsValid);
    }
}
