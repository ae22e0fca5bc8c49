// These tests drive openssl, certutil and update-ca-certificates and check Unix file modes: Linux only.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
