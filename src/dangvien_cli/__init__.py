"""dangvien: the organization department's tool for Party admission quotas and candidates."""

__version__ = "0.1.0"
