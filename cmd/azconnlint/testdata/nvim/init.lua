-- A minimal Neovim (0.7+) configuration for TestNeovim: it starts
-- `azconnlint lsp` for the opened payload, waits for the diagnostics,
-- applies the enum-case quick fix and then "Fix all", writes the buffer,
-- turns plaintext-secret off in .azconnlint.yaml, stops the server and records what it saw in $AZ_RESULT, one fact a line.
local out = {}
local function log(s) table.insert(out, s) end
local function finish()
  local f = assert(io.open(os.getenv("AZ_RESULT"), "w"))
  f:write(table.concat(out, "\n") .. "\n")
  f:close()
  vim.cmd("qall!")
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local exited = nil
  local client_id = vim.lsp.start_client({
    name = "azconnlint",
    cmd = { os.getenv("AZ_LSP"), "lsp" },
    root_dir = vim.fn.getcwd(),
    on_exit = function(code) exited = code end,
  })
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  if not vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
    log("error no diagnostics")
    return finish()
  end
  local enum
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    log(string.format("diag %d:%d-%d:%d %s %s %s", d.lnum, d.col, d.end_lnum, d.end_col, d.code, d.source, d.severity))
    if d.code == "enum-case" then enum = d end
  end
  if not enum then
    log("error no enum-case")
    return finish()
  end

  local params = vim.lsp.util.make_given_range_params({ enum.lnum + 1, enum.col }, { enum.end_lnum + 1, enum.end_col },
    bufnr, client.offset_encoding)
  local hover = vim.lsp.buf_request_sync(bufnr, "textDocument/hover",
    { textDocument = params.textDocument, position = params.range.start }, 10000)
  for _, r in pairs(hover or {}) do
    if r.result then log("hover " .. (r.result.contents.value:match("enum%-case") or "none")) end
  end

  params.context = { diagnostics = {} }
  local fix
  for _, r in pairs(vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000) or {}) do
    for _, a in ipairs(r.result or {}) do
      log("action " .. a.title)
      if a.title == "Fix enum-case: replace the value" then fix = a end
    end
  end
  if not fix then
    log("error no quick fix")
    return finish()
  end
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  log("line " .. vim.api.nvim_buf_get_lines(bufnr, enum.lnum, enum.lnum + 1, true)[1])

  -- The server lints the edited buffer: enum-case goes away.
  local gone = vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == "enum-case" then return false end
    end
    return true
  end, 20)
  log("enum-case gone " .. tostring(gone))

  params.context = { diagnostics = {}, only = { "source.fixAll.azconnlint" } }
  for _, r in pairs(vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000) or {}) do
    for _, a in ipairs(r.result or {}) do
      log("source " .. a.title)
      vim.lsp.util.apply_workspace_edit(a.edit, client.offset_encoding)
    end
  end
  vim.cmd("write")

  -- Turn off plaintext-secret for this file: the action edits the
  -- project's .azconnlint.yaml, open and attached; saving it makes the
  -- server read the configuration again, and the finding goes.
  local secret
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == "plaintext-secret" then secret = d end
  end
  local cfgbuf = vim.fn.bufadd(vim.fn.getcwd() .. "/.azconnlint.yaml")
  vim.fn.bufload(cfgbuf)
  vim.lsp.buf_attach_client(cfgbuf, client_id)
  params = vim.lsp.util.make_given_range_params({ secret.lnum + 1, secret.col }, { secret.end_lnum + 1, secret.end_col },
    bufnr, client.offset_encoding)
  params.context = { diagnostics = {}, only = { "quickfix" } }
  for _, r in pairs(vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000) or {}) do
    for _, a in ipairs(r.result or {}) do
      if a.title:match("^Turn off plaintext%-secret") then
        log("action " .. a.title)
        vim.lsp.util.apply_workspace_edit(a.edit, client.offset_encoding)
      end
    end
  end
  vim.api.nvim_buf_call(cfgbuf, function() vim.cmd("write") end)
  local off = vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == "plaintext-secret" then return false end
    end
    return true
  end, 20)
  log("plaintext-secret off " .. tostring(off))

  vim.lsp.stop_client(client_id)
  vim.wait(10000, function() return exited ~= nil end, 20)
  log("exit " .. tostring(exited))
  finish()
end

-- nested: the :write commands inside must fire BufWritePost, which sends
-- textDocument/didSave.
vim.api.nvim_create_autocmd("VimEnter", { nested = true, callback = function()
  local ok, err = pcall(run)
  if not ok then
    log("error " .. tostring(err))
    finish()
  end
end })
