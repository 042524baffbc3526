public enum VerifierPlaceholder {}
