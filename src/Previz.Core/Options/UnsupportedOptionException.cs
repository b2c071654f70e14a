using System.Globalization;

namespace Previz.Core.Options;

/// <summary>
/// A choice the user made that the model (or the product) cannot take. The message names the model, the option,
/// the value asked for and the values accepted.
/// </summary>
public class UnsupportedOptionException : UserErrorException
{
    public UnsupportedOptionException(string? modelId, string option, string? requested, IReadOnlyList<string> accepted, string? detail = null)
        : base(Compose(modelId, option, requested, accepted, detail))
    {
        ModelId = modelId;
        Option = option;
        Requested = requested;
        Accepted = accepted;
    }

    public UnsupportedOptionException()
        : this(null, "option", null, [])
    {
    }

    public UnsupportedOptionException(string message)
        : base(message)
    {
        Option = "option";
        Accepted = [];
    }

    public UnsupportedOptionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Option = "option";
        Accepted = [];
    }

    public string? ModelId { get; }

    public string Option { get; }

    public string? Requested { get; }

    public IReadOnlyList<string> Accepted { get; }

    private static string Compose(string? modelId, string option, string? requested, IReadOnlyList<string> accepted, string? detail)
    {
        var who = modelId is null ? "Previz" : modelId;
        var asked = requested is null ? "(none)" : $"\"{requested}\"";
        var allowed = accepted.Count == 0 ? "none" : string.Join(", ", accepted);
        var text = string.Create(CultureInfo.InvariantCulture, $"{who} does not accept {option} {asked}; accepted {option} values: {allowed}.");
        return detail is null ? text : $"{text} {detail}";
    }
}
