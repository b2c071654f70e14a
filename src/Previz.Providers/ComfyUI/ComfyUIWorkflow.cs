using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Previz.Core;

namespace Previz.Providers.ComfyUI;

/// <summary>
/// An API-format ComfyUI workflow (<c>{"node id": {"class_type", "inputs": {…}}}</c>, links as <c>["node id", output]</c>)
/// with named slots Previz fills: a node input that is exactly <c>"{{name}}"</c> becomes the slot's value as is (a number
/// stays a number), and <c>{{name}}</c> inside a longer string is replaced by its text. Slots: guide_video, start_frame
/// (uploaded file names), prompt, negative_prompt, seed, width, height, length, fps.
/// </summary>
public static partial class ComfyUIWorkflow
{
    /// <summary>Reads the workflow file; a missing or unreadable file is a user error naming it.</summary>
    public static JsonObject Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new UserErrorException($"ComfyUI workflow not found: {path} (set Providers__ComfyUI__Workflow to an API-format workflow file).");
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new UserErrorException($"The ComfyUI workflow {path} is not a JSON object of nodes (export it with \"Save (API)\").");
        }
        catch (JsonException e)
        {
            throw new UserErrorException($"The ComfyUI workflow {path} is not valid JSON: {e.Message}");
        }
    }

    /// <summary>
    /// A copy of <paramref name="workflow"/> with every slot filled from <paramref name="slots"/>. A slot the workflow
    /// uses but the request does not fill is a user error naming it and the node.
    /// </summary>
    public static JsonObject Fill(JsonObject workflow, JsonObject slots, string workflowName)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(slots);
        var filled = (JsonObject)workflow.DeepClone();
        foreach (var (nodeId, node) in filled)
        {
            if (node is JsonObject { } n && n["inputs"] is JsonObject inputs)
            {
                foreach (var name in inputs.Select(i => i.Key).ToList())
                {
                    if (inputs[name] is JsonValue v && v.TryGetValue<string>(out var text) && text.Contains("{{", StringComparison.Ordinal))
                    {
                        inputs[name] = FillText(text, slots, $"{workflowName} node {nodeId} input \"{name}\"");
                    }
                }
            }
        }

        return filled;
    }

    private static JsonNode? FillText(string text, JsonObject slots, string where)
    {
        var whole = Slot().Match(text);
        if (whole.Success && whole.Length == text.Length)
        {
            return Value(whole.Groups[1].Value, slots, where).DeepClone();
        }

        return Slot().Replace(text, m => Value(m.Groups[1].Value, slots, where) is JsonValue value && value.TryGetValue<string>(out var s) ? s : Value(m.Groups[1].Value, slots, where).ToJsonString());
    }

    private static JsonNode Value(string slot, JsonObject slots, string where) =>
        slots[slot] ?? throw new UserErrorException($"The ComfyUI workflow's slot {{{{{slot}}}}} ({where}) has no value in this request; filled slots: {string.Join(", ", slots.Select(s => s.Key))}.");

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex Slot();
}
