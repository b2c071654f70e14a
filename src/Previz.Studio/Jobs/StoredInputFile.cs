using Previz.Providers.Hosting;

namespace Previz.Studio.Jobs;

/// <summary>An input file of a stored vendor request, kept under the data folder.</summary>
public sealed record StoredInputFile(string Name, string ContentType, string StoredPath, string TargetField, InputFileTransport Transport);
