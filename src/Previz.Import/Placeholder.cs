namespace Previz.Import; internal static class Placeholder {}
