// placeholder: the bench harness lands with issue 9
