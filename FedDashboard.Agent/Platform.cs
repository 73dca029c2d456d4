// The agent reads its machine's telemetry from Linux's /proc and /sys and keeps its credential with Unix file modes.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
