-- Headless Neovim (0.7 and later): attach flake8-qiskit-migrate server to the buffer, wait
-- for its diagnostics, apply the quick fix through Neovim's own code-action path, and wait
-- for the diagnostic to go. Lines for the test go to $RESULT; Neovim exits 0 when all went.
local lines = {}
local function say(text) table.insert(lines, text) end
local function finish(status)
  vim.fn.writefile(lines, vim.env.RESULT)
  vim.cmd(status == 0 and "qa!" or "cq!")
end

local client_id = vim.lsp.start_client({
  name = "flake8-qiskit-migrate",
  cmd = { vim.env.SERVER_PYTHON, "-m", "flake8_qiskit_migrate", "server" },
  root_dir = vim.fn.getcwd(),
})
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

local function codes()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or d
    table.insert(found, string.format("%s@%d:%d", tostring(lsp.code), d.lnum, d.col))
  end
  table.sort(found)
  return table.concat(found, " ")
end

if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
  say("no diagnostics")
  return finish(1)
end
say("diagnostics " .. codes())

-- The code-action menu: pick the fix by its title, as a user would.
vim.ui.select = function(items, _, on_choice)
  local picked = nil
  for index, item in ipairs(items) do
    local action = item.action or item[2]
    say("offered " .. action.title)
    if action.title == vim.env.PICK and picked == nil then
      picked = index
    end
  end
  on_choice(picked and items[picked] or nil, picked)
end
local row = tonumber(vim.env.ROW)
vim.api.nvim_win_set_cursor(0, { row, tonumber(vim.env.COLUMN) })
vim.lsp.buf.code_action()
local function fixed_line() return vim.api.nvim_buf_get_lines(bufnr, row - 1, row, false)[1] end
if not vim.wait(15000, function() return fixed_line() ~= vim.env.BEFORE end, 20) then
  say("not applied")
  return finish(1)
end
say("line " .. fixed_line())
local gone = vim.wait(15000, function() return not codes():find(vim.env.GONE, 1, true) end, 20)
say("after " .. codes())
vim.lsp.stop_client(client_id)
finish(gone and 0 or 1)
