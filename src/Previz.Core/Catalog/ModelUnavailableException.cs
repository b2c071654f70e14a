namespace Previz.Core.Catalog;

/// <summary>The user picked a model that the catalog lists but that no documented API offers now.</summary>
public sealed class ModelUnavailableException : UserErrorException
{
    public ModelUnavailableException(ModelEntry model)
        : base($"{model.DisplayName} ({model.Id}) is unavailable: {model.Availability.Reason}")
    {
        ModelId = model.Id;
    }

    public ModelUnavailableException()
    {
        ModelId = "";
    }

    public ModelUnavailableException(string message)
        : base(message)
    {
        ModelId = "";
    }

    public ModelUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        ModelId = "";
    }

    public string ModelId { get; }
}
