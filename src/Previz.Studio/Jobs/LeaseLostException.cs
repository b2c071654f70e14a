namespace Previz.Studio.Jobs;

/// <summary>Another worker took the generation (this one stalled past its lease); this worker must stop touching it.</summary>
public sealed class LeaseLostException : Exception
{
    public LeaseLostException(Guid generationId)
        : base($"The lease on generation {generationId} was lost to another worker.")
    {
        GenerationId = generationId;
    }

    public LeaseLostException()
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Guid GenerationId { get; }
}
