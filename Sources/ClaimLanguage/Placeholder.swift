public enum ClaimLanguagePlaceholder {}
