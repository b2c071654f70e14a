using System.Text;
using System.Text.Json;
using Previz.Core.Scenes;

namespace Previz.Core.Loading;

/// <summary>
/// Reads a <c>.previz.json</c> document into a <see cref="SceneDocument"/>, collecting every problem with its JSON
/// path. A document with any error throws <see cref="SceneValidationException"/>; warnings come back with the scene.
/// </summary>
public static class SceneReader
{
    /// <summary>Larger documents are refused before parsing; real scenes are far smaller.</summary>
    public const int MaxDocumentBytes = 64 * 1024 * 1024;

    public static SceneReadResult Read(string json, SceneReadOptions? options = null) =>
        Read(Encoding.UTF8.GetBytes(json), options);

    public static async Task<SceneReadResult> ReadAsync(Stream stream, SceneReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxDocumentBytes)
            {
                throw new SceneValidationException([new SceneProblem("$", $"the document is larger than {MaxDocumentBytes / (1024 * 1024)} MB")], options?.SourceName);
            }

            buffer.Write(chunk, 0, read);
        }

        return Read(buffer.ToArray(), options);
    }

    public static SceneReadResult Read(ReadOnlySpan<byte> utf8Json, SceneReadOptions? options = null)
    {
        options ??= SceneReadOptions.Default;
        var problems = new ProblemCollector();
        if (utf8Json.Length > MaxDocumentBytes)
        {
            problems.Error("$", $"the document is larger than {MaxDocumentBytes / (1024 * 1024)} MB");
            throw new SceneValidationException(problems.Finish(), options.SourceName);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
            problems.Error("$", $"not valid JSON{where}: {FirstSentence(ex.Message)}");
            throw new SceneValidationException(problems.Finish(), options.SourceName);
        }

        using (document)
        {
            if (TextCheck.FirstInvalid(document.RootElement, "$") is { } notText)
            {
                problems.Error(notText, "is not valid text: invalid UTF-8 or an unpaired surrogate");
                throw new SceneValidationException(problems.Finish(), options.SourceName);
            }

            var scene = ReadRoot(document.RootElement, problems);
            if (scene is not null)
            {
                SceneRules.Check(scene, problems, options);
            }

            var all = problems.Finish();
            if (problems.HasErrors || scene is null)
            {
                throw new SceneValidationException(all, options.SourceName);
            }

            return new SceneReadResult(scene, all.Where(p => p.Severity == ProblemSeverity.Warning).ToList());
        }
    }

    private static SceneDocument? ReadRoot(JsonElement root, ProblemCollector problems)
    {
        var f = JsonFields.Open(root, "$", problems);
        if (f is null)
        {
            return null;
        }

        var version = f.String("format");
        if (version is not null && version != "previz-scene/1")
        {
            problems.Error(f.Child("format"), $"\"{JsonFields.Clip(version)}\" is not a format this Previz reads (previz-scene/1)");
        }

        var name = f.String("name", required: true);
        var scene = new SceneDocument
        {
            Name = name ?? string.Empty,
            Description = f.String("description"),
            Environment = EnvironmentReader.Read(f, problems),
            Style = EnvironmentReader.ReadPreset(f, "style"),
            Lighting = EnvironmentReader.ReadPreset(f, "lighting"),
            Objects = f.Array("objects").Select(e => ObjectReader.Read(e.Element, e.Path, problems)).ToList(),
            Cameras = f.Array("cameras").Select(e => CameraReader.Read(e.Element, e.Path, problems)).ToList(),
            Shots = f.Array("shots").Select(e => ShotReader.Read(e.Element, e.Path, problems)).ToList(),
        };
        f.WarnUnknownFields();
        return scene;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
