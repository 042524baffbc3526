public enum InstancesPlaceholder {}
