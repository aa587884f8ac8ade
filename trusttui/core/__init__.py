"""The domain and the store. Plain Python: nothing here may import Textual."""
