using System.Text.Json.Nodes;

namespace Previz.Core.Editing;

/// <summary>A top-level field of a document as it was: its JSON and its place among the fields, or no place when absent.</summary>
public sealed record FieldState(string Name, JsonNode? Value, int? Index);
