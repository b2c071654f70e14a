using Previz.Providers.Hosting;

namespace Previz.Providers.Generation;

/// <summary>A finished generation: the file, its provenance (with request id and output figures) and where that was written.</summary>
public sealed record GenerationResult(FinishedMedia Media, GenerationProvenance Provenance, string ProvenanceFile, SubmittedJob? Job);
