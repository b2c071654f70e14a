namespace Previz.Core.Catalog;

/// <summary>The user named a model the catalog does not have.</summary>
public sealed class UnknownModelException : UserErrorException
{
    public UnknownModelException(string modelId, IReadOnlyList<string> knownIds)
        : base($"No model \"{modelId}\". Models: {string.Join(", ", knownIds)}.")
    {
        ModelId = modelId;
        KnownIds = knownIds;
    }

    public UnknownModelException()
        : this("", [])
    {
    }

    public UnknownModelException(string message)
        : base(message)
    {
        ModelId = "";
        KnownIds = [];
    }

    public UnknownModelException(string message, Exception innerException)
        : base(message, innerException)
    {
        ModelId = "";
        KnownIds = [];
    }

    public string ModelId { get; }

    public IReadOnlyList<string> KnownIds { get; }
}
